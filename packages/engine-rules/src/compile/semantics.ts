/**
 * Versions of the rule semantics a program can be compiled under (conventions #9). A published
 * app version records the semantics it was compiled with and keeps running under it; a change
 * of meaning (how `forEach`, hit policies or effects behave) adds a version here instead of
 * changing version 1. The version is part of `Program.hash`.
 */
export const SEMANTICS_VERSIONS = [1] as const;
export type SemanticsVersion = (typeof SEMANTICS_VERSIONS)[number];

/** The semantics new programs are compiled under. */
export const SEMANTICS_VERSION: SemanticsVersion = 1;
