import type { Locale } from '@kiln/engine-forms';
import type { RuleDefinition } from '../types.js';
import type { SchemaInfo } from '../schema.js';

/** Options of `checkRules`. */
export interface CheckOptions {
  /** Flow keys of the app; when given, `flow` actions and `flow.node` triggers must name one. */
  readonly flows?: readonly string[];
  /** Connector keys of the app; when given, `connector` actions must name one. */
  readonly connectors?: readonly string[];
  /** Language of the messages (default zh-CN). */
  readonly locale?: Locale;
}

/** Everything a rule's checks can look at besides the rule itself. @internal */
export interface CheckContext {
  readonly schema: SchemaInfo;
  readonly rules: Readonly<Record<string, RuleDefinition>>;
  readonly flows?: readonly string[];
  readonly connectors?: readonly string[];
}
