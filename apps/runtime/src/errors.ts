/**
 * Runtime error codes: each with its HTTP status, a message a person can act on, and how to fix
 * it. docs/errors.md is generated from this registry (plus engine registries) by
 * `pnpm kiln docs errors`; the API answers every failure as
 * `{"error":{"code","message","details"}}`.
 */
export const RUNTIME_ERRORS = {
  BAD_REQUEST: { status: 400, message: 'The request is malformed.', fix: 'Check the request against /api/openapi.json.' },
  INVALID_JSON: { status: 400, message: 'The request body is not valid JSON.', fix: 'Send a JSON body with Content-Type: application/json.' },
  BODY_TOO_LARGE: { status: 413, message: 'The request body is too large.', fix: 'Send less data (limit: KILN_BODY_LIMIT, default 1 MiB).' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'Unsupported content type.', fix: 'Send Content-Type: application/json.' },
  UNAUTHENTICATED: { status: 401, message: 'Sign in first.', fix: 'POST /api/auth/login and send Authorization: Bearer <token>.' },
  INVALID_CREDENTIALS: { status: 401, message: 'Wrong email or password.', fix: 'Check the email and password.' },
  FORBIDDEN: { status: 403, message: 'Your role may not do this.', fix: 'Ask an admin for a role that allows it.' },
  FIELD_READ_ONLY: { status: 403, message: 'Some fields are read-only for you.', fix: 'Leave the fields listed in details.fields out of the request, or ask for a role that may change them.' },
  TENANT_EXISTS: { status: 409, message: 'A workspace with this key already exists.', fix: 'Pick another key.' },
  ROLE_INVALID: { status: 400, message: 'The role definition is invalid.', fix: 'Correct the problems listed in details.problems.' },
  NOT_FOUND: { status: 404, message: 'Not found.', fix: 'Check the URL.' },
  APP_NOT_FOUND: { status: 404, message: 'No such app.', fix: 'List apps with GET /api/apps.' },
  APP_EXISTS: { status: 409, message: 'An app with this key already exists.', fix: 'Pick another key.' },
  APP_NOT_PUBLISHED: { status: 409, message: 'The app has no published version yet.', fix: 'Publish the app first.' },
  INVALID_KEY: { status: 400, message: 'Keys are lower-case letters, digits and underscores, starting with a letter.', fix: 'Use a key like `orders` or `sales_2024`.' },
  DRAFT_NOT_FOUND: { status: 404, message: 'No such draft.', fix: 'List drafts with GET /api/apps/{app}/{kind}.' },
  INVALID_KIND: { status: 404, message: 'Unknown metadata kind.', fix: 'Use forms, flows, rules, reports, dashboards or connectors.' },
  PUBLISH_INVALID: { status: 422, message: 'Some drafts have problems; nothing was published.', fix: 'Fix each listed problem (path points into the draft) and publish again.' },
  PUBLISH_INCOMPATIBLE: { status: 409, message: 'The change is incompatible with existing records; nothing was published.', fix: 'Change the field back, or fix or delete the affected records first.' },
  VERSION_NOT_FOUND: { status: 404, message: 'No such version.', fix: 'List versions with GET /api/apps/{app}/versions.' },
  REPORT_INVALID: { status: 422, message: 'The report definition has problems.', fix: 'Fix each problem in details.problems (path points into the definition).' },
  FORM_NOT_FOUND: { status: 404, message: 'No such published form.', fix: 'Publish the form, or check its key.' },
  PUBLIC_FORM_NOT_FOUND: { status: 404, message: 'This form does not exist or is closed.', fix: 'Check the link.' },
  RECORD_NOT_FOUND: { status: 404, message: 'No such record.', fix: 'Check the record id.' },
  RECORD_INVALID: { status: 422, message: 'Some fields are invalid; nothing was saved.', fix: 'Fix the fields listed in details.errors.' },
  RECORD_DUPLICATE: { status: 409, message: 'A record with this value already exists.', fix: 'Use a different value for the field in details.errors.' },
  RECORD_RELATION_NOT_FOUND: { status: 422, message: 'A related record does not exist.', fix: 'Pick an existing record for the field in details.errors.' },
  RECORD_REFERENCED: { status: 409, message: 'Other records refer to this record.', fix: 'Remove the references first.' },
  INVALID_FILTER: { status: 400, message: 'The filter is invalid.', fix: 'Use {"field": value} or {"field": {"$gt": …}} with known field keys.' },
  INVALID_SORT: { status: 400, message: 'The sort is invalid.', fix: 'Use a sortable field key, optionally prefixed with "-".' },
  INVALID_CURSOR: { status: 400, message: 'The cursor is invalid.', fix: 'Use nextCursor from the previous page unchanged.' },
  IDEMPOTENCY_KEY_INVALID: { status: 400, message: 'The Idempotency-Key header is invalid.', fix: 'Send 1–200 printable ASCII characters.' },
  RATE_LIMITED: { status: 429, message: 'Too many requests; slow down.', fix: 'Wait and retry (see the Retry-After header).' },
  USER_EXISTS: { status: 409, message: 'A user with this email already exists.', fix: 'Use another email.' },
  INVALID_USER: { status: 400, message: 'The user data is invalid.', fix: 'Give a valid email, a password of 8+ characters and a known role.' },
  TEMPLATE_NOT_FOUND: { status: 404, message: 'No such template.', fix: 'List templates with GET /api/templates.' },
  TEMPLATE_INVALID: { status: 500, message: 'The template files are invalid.', fix: 'Fix the template under templates/<id>/ (see templates/README.md).' },
  DATABASE_LOCKED: { status: 503, message: 'The embedded database is in use by another Kiln process.', fix: 'Stop the running server (pnpm start) or use its HTTP API instead of the CLI.' },
  TEST_CLOCK_DISABLED: { status: 404, message: 'The test clock is off.', fix: 'Start the runtime with KILN_TEST_CLOCK=1 (tests only).' },
  INVALID_CLOCK_REQUEST: { status: 400, message: 'Give {"set": ISO time} or {"advance": ISO duration}.', fix: 'For example {"advance":"P3D"}.' },
  RULE_REJECTED: { status: 422, message: 'A rule refused this change; nothing was saved.', fix: 'Read the message (details.field names the field) and change the input.' },
  RULE_FAILED: { status: 422, message: 'A rule failed while processing this change; nothing was saved.', fix: 'Fix the rule named in details (path, line and column point into it) and publish again.' },
  RULE_CASCADE_LIMIT: { status: 422, message: 'Rules triggered each other too deeply (a loop?); nothing was saved.', fix: 'Narrow the triggers (fields filter, conditions) of the rules listed in details.chain.' },
  RULE_NOT_FOUND: { status: 404, message: 'No such rule.', fix: 'List rules with GET /api/apps/{app}/rules.' },
  HOOK_NOT_FOUND: { status: 404, message: 'No webhook of this name.', fix: 'Check the hook name of the webhook rule (published).' },
  FLOW_NOT_FOUND: { status: 404, message: 'No such published flow.', fix: 'Check the flow key; publish the app after creating the flow.' },
  FLOW_START_REFUSED: { status: 409, message: 'This flow cannot be started this way.', fix: 'Only flows whose start trigger is `manual` or `api` start by request; others start on their record event.' },
  FLOW_EXPRESSION_FAILED: { status: 422, message: 'A flow expression failed; nothing was saved.', fix: 'Fix the expression of the node in details.nodeId (message names it) and publish again.' },
  FLOW_STEP_LIMIT: { status: 422, message: 'The flow ran too many steps at once (a loop?); nothing was saved.', fix: 'Put an approval or timer on every cycle of the flow graph.' },
  INSTANCE_NOT_FOUND: { status: 404, message: 'No such flow instance.', fix: 'Check the instance id (GET /api/flow-instances?mine=1 lists yours).' },
  TASK_NOT_FOUND: { status: 404, message: 'No such task.', fix: 'Check the task id (GET /api/tasks lists yours).' },
  HOOK_UNAUTHORIZED: { status: 401, message: 'The webhook token is wrong.', fix: 'Send the rule\'s secret in the X-Kiln-Token header.' },
  HOOK_SIGNATURE_INVALID: { status: 401, message: 'The webhook signature is wrong; nothing was changed.', fix: 'Sign the raw body as the connector\'s inbound verification says (docs/connector-protocols.md) with the secret set in its settings.' },
  HOOK_TIMESTAMP_INVALID: { status: 401, message: 'The webhook timestamp is missing or too far from the server\'s time; nothing was changed.', fix: 'Send the current unix time (seconds) in the timestamp header; check both clocks.' },
  CONNECTOR_NOT_FOUND: { status: 404, message: 'No such connector.', fix: 'Check the connector key (GET /api/apps/{app}/connectors lists the drafts; publish to use it).' },
  CONNECTOR_INVALID: { status: 422, message: 'The connector definition has problems.', fix: 'Fix each problem in details.problems (path points into the definition).' },
  CONNECTOR_SETTINGS_INVALID: { status: 400, message: 'The connector settings are invalid; nothing was saved.', fix: 'Give an absolute http(s) base URL and only the secret names the connector lists.' },
  CONNECTOR_SECRET_MISSING: { status: 503, message: 'A secret the connector needs is not set.', fix: 'Set it with PUT /api/apps/{app}/connectors/{connector}/settings (details name it).' },
  CONNECTOR_NOT_CONFIGURED: { status: 409, message: 'The connector has no base URL.', fix: 'Set baseUrl in the definition or in the connector\'s settings.' },
  CONNECTOR_LOGIN_FAILED: { status: 502, message: 'The outside system refused the connector\'s login.', fix: 'Check the credentials in the connector\'s settings (details hold the system\'s message); the delivery is retried.' },
  CONNECTOR_WRITEBACK_FAILED: { status: 422, message: 'The call succeeded but writing its result back (or its rule) failed.', fix: 'Fix the operation\'s writeBack/rule or the record (details); the delivery stays delivered and is not sent again.' },
  DELIVERY_INTERRUPTED: { status: 500, message: 'The process sending this delivery stopped before it finished.', fix: 'Nothing to do: the delivery is retried with the same idempotency key.' },
  DELIVERY_NOT_FOUND: { status: 404, message: 'No such delivery.', fix: 'Check the delivery id (GET …/connectors/{connector}/deliveries lists them).' },
  DELIVERY_BUSY: { status: 409, message: 'The delivery is being sent right now.', fix: 'Wait for the attempt to end, then retry.' },
  ACCOUNT_LOCKED: { status: 423, message: 'Too many failed sign-ins; the account is locked for a while.', fix: 'Wait details.retryAfterSeconds (also in the Retry-After header), then sign in again.' },
  INVALID_ROLE: { status: 422, message: 'No such role in the app\'s published metadata.', fix: 'Use a role key listed in details.known (publish the role first).' },
  TOKEN_NOT_FOUND: { status: 404, message: 'No such API token.', fix: 'List the app\'s tokens with GET /api/apps/{app}/tokens.' },
  INTERNAL: { status: 500, message: 'Something went wrong on the server.', fix: 'Retry; if it persists, report it with the request id.' },
} as const;

export type RuntimeErrorCode = keyof typeof RUNTIME_ERRORS;

/** An error the API answers with its registered status and code. `details` is plain data. */
export class KilnError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details?: unknown;
  constructor(code: RuntimeErrorCode | (string & {}), message?: string, details?: unknown, status?: number) {
    const known = (RUNTIME_ERRORS as Record<string, { status: number; message: string }>)[code];
    super(message ?? known?.message ?? code);
    this.code = code;
    this.status = status ?? known?.status ?? 500;
    this.details = details;
  }
}

/** Shorthand to throw a registered error. */
export function fail(code: RuntimeErrorCode, message?: string, details?: unknown): never {
  throw new KilnError(code, message, details);
}
