// STUB (contract): helper A implements.
/** Kiln's JSONata helper functions, by name without `$`, with a signature and zh/en docs (the studio lists them). */
export declare const MAPPING_FUNCTIONS: ReadonlyArray<{ name: string; signature: string; doc: { 'zh-CN': string; en: string } }>;
/** JSON.parse, except integers beyond Number.MAX_SAFE_INTEGER become strings (Douyin order ids). */
export declare function parseJsonLossless(text: string): unknown;
/** Cuts a string to at most `maxBytes` UTF-8 bytes at a character boundary, ending with "…" when cut. */
export declare function truncateBytes(text: string, maxBytes: number): string;
/** Tax-exclusive unit price from a tax-inclusive one, 6 decimals (Kingdee: 500 at 13% → 442.477876). */
export declare function netPrice(taxInclusive: number, ratePercent: number): number;
