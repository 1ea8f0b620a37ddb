import type { KilnContext } from '../context.js';
import type { PublishedMetadata } from '../db/schema.js';
import { deleteApp, writeDrafts as writeAppDrafts } from '../metadata/apps.js';

/** Saves every definition of `metadata` as the app's draft (insert or replace). */
export function writeDrafts(ctx: KilnContext, appId: number, metadata: PublishedMetadata, userId: number | null): Promise<void> {
  return writeAppDrafts(ctx.db, appId, metadata, userId, ctx.clock.now().toISOString());
}

/** Removes an app that a failed install / import left half-made (see deleteApp). */
export function removeApp(ctx: KilnContext, appId: number): Promise<void> {
  return deleteApp(ctx.db, appId);
}
