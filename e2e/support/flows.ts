import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { WAIT_MS, attrIs } from './studio';

/** What the "new flow" dialog asks for. */
export interface NewFlow {
  key: string;
  zh: string;
  en: string;
  form: string;
}

/** A point inside the canvas, as fractions of its width and height. */
export interface CanvasSpot {
  fx: number;
  fy: number;
}

/**
 * The flow designer of the studio (`/studio/apps/<app>/flows/<key>`) and the app page's flows
 * panel, driven through the test ids of `apps/studio/TESTIDS.md`: nodes are dragged from the
 * palette, edges drawn between handles with the mouse, properties typed into the inspector.
 */
export class FlowEditor {
  constructor(readonly page: Page) {}

  id(testId: string): Locator {
    return this.page.getByTestId(testId);
  }

  /** The canvas node `nodeId` (`node-<id>`). */
  node(nodeId: string): Locator {
    return this.id(`node-${nodeId}`);
  }

  /** The id of the canvas node whose name is `name` (the start and end of a new flow, say). */
  async nodeIdByName(name: string): Promise<string> {
    const el = this.page.locator(`[data-testid^="node-"][data-name="${name}"]`);
    await expect.poll(() => el.count(), { timeout: WAIT_MS }).toBe(1);
    return ((await el.getAttribute('data-testid')) ?? '').replace(/^node-/, '');
  }

  /** Opens the "new flow" dialog on the app page, fills it, and waits for the designer of the new draft. */
  async create(f: NewFlow): Promise<void> {
    await this.id('flow-create').click();
    await this.id('flow-create-dialog').waitFor();
    await this.id('flow-key').fill(f.key);
    await this.id('flow-create-name-zh').fill(f.zh);
    await this.id('flow-create-name-en').fill(f.en);
    await this.id('flow-create-form').selectOption(f.form);
    await this.id('flow-create-submit').click();
    await this.id('flow-editor').waitFor();
    await this.page.waitForURL((u) => u.pathname.endsWith(`/flows/${f.key}`));
    await attrIs(this.id('flow-canvas'), 'data-nodes', '2');
  }

  /**
   * Drags palette item `type` onto the canvas at `spot` (a real HTML5 drag with the mouse) and
   * returns the id of the node it created (the new node is selected and its properties open).
   */
  async drop(type: string, spot: CanvasSpot): Promise<string> {
    const canvas = this.id('flow-canvas');
    const before = Number(await canvas.getAttribute('data-nodes'));
    const box = await canvas.boundingBox();
    if (!box) throw new Error('the canvas is not visible');
    await this.id(`flow-palette-${type}`).dragTo(canvas, { targetPosition: { x: box.width * spot.fx, y: box.height * spot.fy } });
    await attrIs(canvas, 'data-nodes', String(before + 1));
    const panel = this.id('node-panel');
    await attrIs(panel, 'data-node-type', type);
    const nodeId = (await panel.getAttribute('data-node-id')) ?? '';
    await attrIs(this.node(nodeId), 'data-selected', 'true');
    return nodeId;
  }

  /**
   * Draws an edge with the mouse: from source handle `handle` of `from` (`out` for the single
   * output, `approve`, `reject`, a branch id, `default`) to the input of `to`; waits for the
   * edge to exist.
   */
  async connect(from: string, handle: string, to: string): Promise<void> {
    const canvas = this.id('flow-canvas');
    const before = await this.edgesFrom(from, handle, to);
    const source = this.id(`handle-${from}-${handle}`);
    const target = this.id(`handle-${to}-in`);
    const a = await source.boundingBox();
    const b = await target.boundingBox();
    if (!a || !b) throw new Error(`handle ${from}/${handle} or the input of ${to} is not visible`);
    await this.page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
    await this.page.mouse.down();
    await this.page.mouse.move(a.x + a.width / 2 + 10, a.y + a.height / 2 + 10, { steps: 3 });
    await this.page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 15 });
    await this.page.mouse.up();
    await expect.poll(() => this.edgesFrom(from, handle, to), { timeout: WAIT_MS }).toBe(before + 1);
    expect(Number(await canvas.getAttribute('data-edges'))).toBeGreaterThan(0);
  }

  /** How many edges go from `from` (by `handle`) to `to` on the canvas. */
  async edgesFrom(from: string, handle: string, to: string): Promise<number> {
    const h = handle === 'out' ? '' : handle;
    return this.page.locator(`[data-testid^="edge-e_"][data-source="${from}"][data-target="${to}"][data-handle="${h}"]`).count();
  }

  /** Selects node `nodeId` by clicking its name, and waits for its properties. */
  async select(nodeId: string): Promise<void> {
    await this.node(nodeId).locator('.flow-node-name').click();
    await attrIs(this.id('node-panel'), 'data-node-id', nodeId);
  }

  /** Fits every node into view. */
  async fit(): Promise<void> {
    await this.id('flow-fit').click();
    // fitView animates for 200 ms; wait until the viewport stops moving.
    const viewport = this.page.locator('.react-flow__viewport');
    let last = '';
    await expect
      .poll(
        async () => {
          const now = (await viewport.getAttribute('style')) ?? '';
          const still = now === last;
          last = now;
          return still;
        },
        { timeout: WAIT_MS, interval: 150 },
      )
      .toBe(true);
  }

  /** Puts `text` into the CodeMirror expression editor `testId` and waits until it shows exactly that. */
  async expr(testId: string, text: string): Promise<void> {
    const content = this.page.locator(`[data-testid="${testId}"] .cm-content`);
    await content.fill(text);
    await expect.poll(() => content.textContent(), { timeout: WAIT_MS }).toBe(text);
    await content.blur();
  }

  /** Adds an assignee of kind `users` at row `i` of `prefix` and picks the user whose email is `email`. */
  async pickUser(prefix: string, i: number, userId: number, query: string): Promise<void> {
    await this.id(`${prefix}-kind-${i}`).selectOption('users');
    await this.id(`${prefix}-users-${i}-search`).fill(query);
    await this.id(`${prefix}-users-${i}-option-${userId}`).click();
    await expect.poll(() => this.id(`${prefix}-users-${i}`).getAttribute('data-users'), { timeout: WAIT_MS }).toContain(String(userId));
  }

  /** Saves the draft (`flow-save`), waits for the saved state and returns the badge's text. */
  async save(): Promise<string> {
    return this.persist('flow-save', 'saved', /\/api\/apps\/[^/]+\/flows\/[^/]+$/, 'PUT');
  }

  /** Saves, then publishes the app (`flow-publish`), waits for the published state and returns the badge's text. */
  async publish(): Promise<string> {
    return this.persist('flow-publish', 'published', /\/api\/apps\/[^/]+\/publish$/, 'POST');
  }

  private async persist(button: string, state: string, url: RegExp, method: string): Promise<string> {
    const done = this.page.waitForResponse((r) => r.request().method() === method && url.test(new URL(r.url()).pathname));
    await this.id(button).click();
    const res = await done;
    if (res.status() !== 200) throw new Error(`${button} answered ${res.status()}: ${await res.text()}`);
    const badge = this.id('flow-result');
    await attrIs(badge, 'data-state', state);
    await attrIs(this.id('flow-dirty'), 'data-dirty', 'false');
    return ((await badge.textContent()) ?? '').trim();
  }

  /** Opens the dry-run tab, puts `record` in the sample JSON, runs it and waits for the answer. */
  async dryRun(record: Record<string, unknown>): Promise<Locator> {
    await this.id('inspector-tab-dryrun').click();
    await this.id('dryrun-json').fill(JSON.stringify(record, null, 2));
    await attrIs(this.id('dryrun-json'), 'data-auto', 'false');
    const answered = this.page.waitForResponse((r) => r.request().method() === 'POST' && /\/flows\/[^/]+\/dry-run$/.test(new URL(r.url()).pathname));
    await this.id('dryrun-run').click();
    const res = await answered;
    if (res.status() !== 200) throw new Error(`the dry run answered ${res.status()}: ${await res.text()}`);
    const result = this.id('dryrun-result');
    await expect.poll(() => result.getAttribute('data-state'), { timeout: WAIT_MS }).toMatch(/^(ok|error)$/);
    return result;
  }
}
