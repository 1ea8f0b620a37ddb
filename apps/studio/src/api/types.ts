import type { FlowDefinition } from '@kiln/engine-flow';
import type { FormDefinition, LocalizedText } from '@kiln/engine-forms';
import type { RuleDefinition, RuleError, RuleOutcome, TableOutcome } from '@kiln/engine-rules';

/** `GET /api/me`. */
export interface Me {
  id: string;
  email: string;
  role: string;
}

/** One row of `GET /api/apps`. */
export interface AppSummary {
  key: string;
  name: LocalizedText;
  version: number | null;
}

/** `GET /api/apps/{app}`: the published metadata. */
export interface PublishedApp {
  key: string;
  name: LocalizedText;
  version: number | null;
  forms: Record<string, FormDefinition>;
}

/** One draft of `GET /api/apps/{app}/forms`. */
export interface FormDraft {
  key: string;
  definition: FormDefinition;
  updatedAt: string;
}

/** One row of `GET /api/apps/{app}/versions`. */
export interface AppVersion {
  version: number;
  publishedAt: string;
  publishedBy: string | null;
}

/**
 * One problem of a refused publish (422 PUBLISH_INVALID). Rule problems also carry where in the
 * expression; flow problems the node (or edge) they are about.
 */
export interface PublishProblem {
  kind: string;
  key: string;
  path: string;
  code: string;
  message: string | LocalizedText;
  severity?: 'error' | 'warning';
  nodeId?: string;
  edgeId?: string;
  line?: number;
  column?: number;
  from?: number;
  to?: number;
}

/** One draft of `GET /api/apps/{app}/rules` (same shape as form drafts). */
export interface RuleDraft {
  key: string;
  definition: RuleDefinition;
  updatedAt: string;
}

/** A draft key of another kind (flows, connectors), for pickers. */
export interface DraftKey {
  key: string;
}

/** Sample facts sent to `POST /api/apps/{app}/rules/test`. */
export interface RuleTestFacts {
  record?: Record<string, unknown> | null;
  old?: Record<string, unknown> | null;
  changed?: string[];
  event?: unknown;
}

/** What a dry run measured: time in the sandbox, lookups it made, effects it produced. */
export interface RuleTestTrace {
  durationUs: number;
  lookups?: unknown;
  effects?: unknown;
}

/** Answer of `POST /api/apps/{app}/rules/test` (a dry run: effects are not applied). */
export type RuleTestResult =
  | { ok: true; outcome: RuleOutcome | TableOutcome; trace: RuleTestTrace }
  | { ok: false; error: RuleError; trace: RuleTestTrace };

/** One recent evaluation of a published rule (`GET /api/apps/{app}/rules/{key}/traces`). */
export interface RuleTrace {
  id: string | number;
  at: string;
  version: number;
  event: string;
  ok: boolean;
  durationUs: number;
  facts: unknown;
  outcome: unknown;
  error: RuleError | null;
}

/** One draft of `GET /api/apps/{app}/flows` (same shape as form drafts). */
export interface FlowDraft {
  key: string;
  definition: FlowDefinition;
  updatedAt: string;
}

/** One user of `GET /api/users/search` (user pickers). */
export interface UserHit {
  id: number;
  email: string;
  displayName: string | null;
}

/** One group / position of `GET /api/groups`, with its number of active users. */
export interface GroupItem {
  key: string;
  users?: number;
}

/** One step of a flow dry run: the node entered and how it was left. */
export interface FlowDryRunStep {
  node: string;
  type: string;
  outcome?: 'approve' | 'reject' | 'auto-approve' | 'auto-reject';
  /** The condition branch taken (a branch id or `default`). */
  branch?: string;
  note?: string;
}

/** Answer of `POST /api/apps/{app}/flows/{key}/dry-run` (nothing is stored; every person approves). */
export interface FlowDryRunResult {
  path: FlowDryRunStep[];
  /** The instance's result, or `invalid` when the flow does not validate (then `problems`). */
  result: string;
  error?: { code: string; message: string; nodeId?: string; edgeId?: string; path?: string };
  problems?: { code: string; message: string; nodeId?: string; edgeId?: string; path?: string }[];
}

/** A record as `GET /api/apps/{app}/forms/{form}/records` returns it. */
export type ApiRecord = Record<string, unknown> & { id: number };
