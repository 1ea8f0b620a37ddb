import { formErrorsMarkdown } from '@kiln/engine-forms';
import { ruleErrorsMarkdown } from '@kiln/engine-rules';
import { flowErrorsMarkdown } from '@kiln/engine-flow';
import { reportErrorsMarkdown } from '@kiln/engine-reports';
import { connectorErrorsMarkdown } from '@kiln/engine-connectors';
import { RUNTIME_ERRORS } from './errors.js';

/** Renders docs/errors.md from the error registries (runtime + engines), so the table cannot drift. */
export function errorsMarkdown(): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  const runtime = Object.entries(RUNTIME_ERRORS).map(([code, e]) => `| \`${code}\` | ${e.status} | ${esc(e.message)} | ${esc(e.fix)} |`);
  return [
    '# Error codes',
    '',
    '<!-- Generated from apps/runtime/src/errors.ts and packages/engine-forms/src/errors.ts and packages/engine-rules/src/errors.ts and packages/engine-flow/src/errors.ts and packages/engine-reports/src/errors.ts and packages/engine-connectors/src/errors.ts by `pnpm --filter @kiln/runtime docs:errors`; a test fails when this file is stale. -->',
    '',
    'Every failed API call answers `{"error":{"code":"STABLE_CODE","message":"…","details":…}}`.',
    'Bad input is always a 4xx and changes nothing. Field-level problems are listed in',
    '`details.errors` as `{path, code, message}` where `path` is a JSON pointer into the request body',
    '(`/phone`, `/lines/0/qty`) and `message` is in the caller\'s language (`Accept-Language` or `?locale=`).',
    'Publish problems are listed in `details.problems` as `{kind, key, path, code, message}` where `path`',
    'points into the draft (`/fields/3/options`).',
    '',
    '## API errors (`error.code`)',
    '',
    '| Code | HTTP | Message | How to fix |',
    '|---|---|---|---|',
    ...runtime,
    '',
    '## Field and definition errors (`details.errors[].code`, `details.problems[].code`)',
    '',
    formErrorsMarkdown().trimEnd(),
    '',
    '## Rule errors (`details.code` of RULE_FAILED, `details.problems[].code` of rules, test-console `error.code`)',
    '',
    'Each carries `rule`, `path` (a JSON pointer into the rule, e.g. `/actions/1/values/amount`) and, inside that',
    'expression, `line`/`column` (and `from`/`to` offsets for static problems).',
    '',
    ruleErrorsMarkdown().trimEnd(),
    '',
    '## Flow errors (`error.code` of task and instance operations, `details.problems[].code` of flows)',
    '',
    'Refused task operations change nothing. Publish problems of a flow carry `nodeId` (or `edgeId`) and a `path`',
    'into the flow draft (`/nodes/2/data/assignees/0`).',
    '',
    flowErrorsMarkdown().trimEnd(),
    '',
    '## Report errors (`error.code` of report data, records and CSV requests; `details.problems[].code` of reports and dashboards)',
    '',
    'Publish and preview problems carry a `path` into the report draft (`/measures/2/den`); a bad parameter or drill',
    'step is refused with its path (`/params/range`, `/drill/0/value`) and changes nothing.',
    '',
    reportErrorsMarkdown().trimEnd(),
    '',
    '## Connector errors (`error.code` of a delivery, attempt or test call; `details.problems[].code` of connectors)',
    '',
    'A delivery keeps its last error as `{code, message, details}` (`details.step` names the failing step, `details.messages`',
    'the outside system\'s own messages, `details.permanent` whether it is retried); besides these codes it may be one of the',
    'runtime\'s `CONNECTOR_NOT_CONFIGURED`, `CONNECTOR_SECRET_MISSING`, `CONNECTOR_LOGIN_FAILED`, `CONNECTOR_WRITEBACK_FAILED`,',
    '`CONNECTOR_NOT_FOUND` or `DELIVERY_INTERRUPTED`. Publish problems of a connector carry a `path` into its draft',
    '(`/operations/push_order/steps/1/body`).',
    '',
    connectorErrorsMarkdown().trimEnd(),
    '',
  ].join('\n');
}
