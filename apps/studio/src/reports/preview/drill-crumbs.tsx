import { useTranslation } from 'react-i18next';
import { drillBack, usePreviewStore, type PreviewState } from '../store/preview-store';

const selectDrill = (s: PreviewState) => s.drill;

/** Where the drill-down stands: "All › East › Shanghai"; a click goes back to that level. */
export function DrillCrumbs() {
  const { t } = useTranslation();
  const drill = usePreviewStore(selectDrill);
  if (!drill.length) return null;
  return (
    <nav className="crumbs report-drill-crumbs" data-testid="preview-drill" data-depth={drill.length}>
      <button type="button" className="btn btn-sm btn-ghost" onClick={() => drillBack(0)} data-testid="preview-drill-0">
        {t('reports.drillTop')}
      </button>
      {drill.map((s, i) => (
        <span key={i}>
          ›{' '}
          <button type="button" className="btn btn-sm btn-ghost" disabled={i === drill.length - 1} onClick={() => drillBack(i + 1)} data-testid={`preview-drill-${i + 1}`}>
            {s.label}
          </button>
        </span>
      ))}
    </nav>
  );
}
