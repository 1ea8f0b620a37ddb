import { useTranslation } from 'react-i18next';

/** The outcome of the last save / publish of a draft (form designer, rule editor). */
export type SaveResult =
  | { kind: 'saved' }
  | { kind: 'published'; version: number }
  | { kind: 'refused'; count: number }
  | { kind: 'error'; message: string; code?: string };

/** A status badge for a {@link SaveResult} (`data-state` = its kind, `idle` before any). */
export function SaveResultBadge({ result, testId }: { result: SaveResult | null; testId: string }) {
  const { t } = useTranslation();
  if (!result) return <span className="publish-result" data-testid={testId} data-state="idle" />;
  const text =
    result.kind === 'saved'
      ? t('designer.savedOk')
      : result.kind === 'published'
        ? t('designer.publishedOk', { version: result.version })
        : result.kind === 'refused'
          ? t('designer.publishRefused', { count: result.count })
          : `${result.message}${result.code ? ` (${result.code})` : ''}`;
  const tone = result.kind === 'saved' || result.kind === 'published' ? 'ok' : 'bad';
  return (
    <span className={`publish-result is-${tone}`} data-testid={testId} data-state={result.kind} role="status">
      {text}
    </span>
  );
}
