import type { PublishedMetadata } from '../db/schema.js';

/** The kinds of metadata an app holds, each a map of drafts by stable key. */
export const METADATA_KINDS = ['forms', 'flows', 'rules', 'reports', 'dashboards', 'connectors', 'roles'] as const;
export type MetadataKind = (typeof METADATA_KINDS)[number];

/** Keys of apps and of metadata items. */
export const KEY = /^[a-z][a-z0-9_]{0,62}$/;

export const isKind = (k: string): k is MetadataKind => (METADATA_KINDS as readonly string[]).includes(k);

/** A metadata set with every kind present and empty. */
export const emptyMetadata = (): PublishedMetadata => Object.fromEntries(METADATA_KINDS.map((k) => [k, {}])) as unknown as PublishedMetadata;
