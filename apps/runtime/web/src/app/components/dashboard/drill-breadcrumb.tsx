import { useTranslation } from 'react-i18next';
import type { DrillStep } from './drill-step';

interface Props {
  steps: readonly DrillStep[];
  /** Go back to `level` steps (0 = the top). */
  onJump(level: number): void;
}

/**
 * Where a card has drilled to (`drill-breadcrumb`): "All ▸ Campaign: Spring ▸ …"; earlier levels
 * are buttons (`drill-level-<n>`), and `drill-back` goes up one level.
 */
export function DrillBreadcrumb({ steps, onJump }: Props) {
  const { t } = useTranslation();
  if (!steps.length) return null;
  return (
    <nav className="dash-drill" data-testid="drill-breadcrumb" aria-label="drill">
      <button type="button" className="btn btn-small" data-testid="drill-back" title={t('drill.back')} onClick={() => onJump(steps.length - 1)}>
        ‹
      </button>
      <button type="button" className="link-button" data-testid="drill-level-0" onClick={() => onJump(0)}>
        {t('drill.all')}
      </button>
      {steps.map((s, i) => (
        <span key={i} className="dash-drill-step">
          <span className="dash-drill-sep" aria-hidden="true">
            ▸
          </span>
          {i < steps.length - 1 ? (
            <button type="button" className="link-button" data-testid={`drill-level-${i + 1}`} onClick={() => onJump(i + 1)}>
              {s.dimensionLabel}: {s.label || '—'}
            </button>
          ) : (
            <span data-testid="drill-current">
              {s.dimensionLabel}: {s.label || '—'}
            </span>
          )}
        </span>
      ))}
    </nav>
  );
}
