// STUB (contract): helper A implements.
import type { OperationSample, Transport } from './types.js';
/** A transport answering each step with `sample.responses[step]` (default 200 `{}`), recording nothing: the studio's live preview. */
export declare function sampleTransport(sample: OperationSample | undefined): Transport;
