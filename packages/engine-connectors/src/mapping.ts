// STUB (contract): helper A implements.
export type MappingResult = { ok: true; value: unknown } | { ok: false; error: { message: string; position?: number; token?: string } };
/** Evaluates one JSONata expression over `scope` with Kiln's functions and `now` as the clock (for the studio's live preview). */
export declare function evaluateMapping(expression: string, scope: unknown, now: Date): Promise<MappingResult>;
