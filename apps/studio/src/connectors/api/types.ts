import type { HttpRequestSpec, HttpResponseSpec, Localized } from '@kiln/engine-connectors';

/** An error as the runtime reports it (`{code, message, details}`). */
export interface ApiErrorInfo {
  code: string;
  message: string;
  details?: unknown;
}

/** One secret of `GET …/connectors/{c}/settings`: never its value, only whether it is set. */
export interface SecretState {
  name: string;
  label: Localized;
  for: 'auth' | 'inbound';
  set: boolean;
}

/** `GET|PUT /api/apps/{app}/connectors/{c}/settings`: the installation's settings (not versioned). */
export interface ConnectorSettings {
  baseUrl: string | null;
  effectiveBaseUrl: string | null;
  secrets: SecretState[];
  updatedAt: string | null;
}

/** Body of `PUT …/settings`: a base URL override and secrets to set (`null` clears one). */
export interface SettingsPatch {
  baseUrl?: string | null;
  secrets?: Record<string, string | null>;
}

/** One step of a real call (test call, delivery attempt), as the runtime logs it. */
export interface CallStep {
  step: string;
  skipped?: boolean;
  request?: HttpRequestSpec;
  response?: HttpResponseSpec;
  error?: ApiErrorInfo;
  relogin?: boolean;
}

/** Answer of `POST …/connectors/{c}/test`. */
export interface TestCallResult {
  ok: boolean;
  key: string;
  durationMs: number;
  steps: CallStep[];
  result?: unknown;
  writeBack?: unknown;
  error?: ApiErrorInfo & { step?: string; permanent?: boolean };
}

/** Where a delivery stands in the outbox. */
export const DELIVERY_STATES = ['pending', 'sending', 'delivered', 'dead'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

/** One delivery of the outbox (`GET …/deliveries`). */
export interface Delivery {
  id: number | string;
  connector: string;
  operation: string | null;
  state: DeliveryState;
  attempts: number;
  maxAttempts: number;
  nextAttemptAt: string | null;
  idempotencyKey: string | null;
  record: { form: string; id: number | string } | null;
  input: unknown;
  result: unknown;
  error: ApiErrorInfo | null;
  createdAt: string;
  updatedAt: string;
  deliveredAt: string | null;
}

/** One attempt of a delivery, with every step it sent. */
export interface DeliveryAttempt {
  n: number;
  startedAt: string;
  durationMs: number;
  ok: boolean;
  steps: CallStep[];
  error: ApiErrorInfo | null;
}

/** `GET …/deliveries/{id}`: the delivery with its attempts' log instead of their count. */
export type DeliveryDetail = Omit<Delivery, 'attempts'> & { attempts: DeliveryAttempt[] };

/** `GET …/deliveries`. */
export interface DeliveryPage {
  items: Delivery[];
  nextCursor: string | null;
  counts: Record<DeliveryState, number>;
}

/** One inbound message of `GET …/messages`. */
export interface InboundMessage {
  id: number | string;
  messageId: string;
  receivedAt: string;
  /** What came of it (e.g. `processed`, `duplicate`, `ignored`, or an object with the details). */
  outcome: unknown;
}
