import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  label: string;
  nextLabel: string;
  onNext(): void;
  onRecords(): void;
  onClose(): void;
}

/**
 * The choice offered when a click can both drill further and list records (`drill-menu`):
 * `drill-menu-next` ("Drill into <next>") and `drill-menu-records`. Esc or a click outside closes it.
 */
export function DrillMenu({ label, nextLabel, onNext, onRecords, onClose }: Props) {
  const { t } = useTranslation();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <div className="dash-popover-backdrop" onClick={onClose}>
      <div className="dash-popover card" role="menu" data-testid="drill-menu" onClick={(e) => e.stopPropagation()}>
        <strong className="dash-popover-title">{label}</strong>
        <button type="button" className="btn btn-small" role="menuitem" data-testid="drill-menu-next" autoFocus onClick={onNext}>
          {t('drill.into', { dimension: nextLabel })}
        </button>
        <button type="button" className="btn btn-small" role="menuitem" data-testid="drill-menu-records" onClick={onRecords}>
          {t('drill.records')}
        </button>
      </div>
    </div>
  );
}
