import { useTranslation } from 'react-i18next';
import { useSaveState } from '../hooks/useSaveState';

/** The outcome of the last save / publish (`rule-result`, attribute `data-state`). */
export function SaveResultBadge() {
  const { t } = useTranslation();
  const { result } = useSaveState();
  if (!result) return <span className="publish-result" data-testid="rule-result" data-state="idle" />;
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
    <span className={`publish-result is-${tone}`} data-testid="rule-result" data-state={result.kind} role="status">
      {text}
    </span>
  );
}
