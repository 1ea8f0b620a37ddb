import { GridLayout, useContainerWidth, type EventCallback } from 'react-grid-layout';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useDashboard } from '../hooks/useDashboard';
import { GRID_COLS, toLayout } from '../model/layout';
import { dashboardEdit } from '../store/edit';
import { ReportCard } from './report-card';
import 'react-grid-layout/css/styles.css';

/** Height of one grid row in pixels (a new card is 6 rows). */
const ROW_HEIGHT = 40;

const commit: EventCallback = (layout) => dashboardEdit.layout(layout);

/**
 * The dashboard's 12-column grid of report cards (react-grid-layout): drag a card by its title,
 * resize it from its corner; each finished drag or resize is one undo step.
 */
export function DashboardGrid() {
  const { t } = useTranslation();
  const { items } = useDashboard();
  const { width, containerRef, mounted } = useContainerWidth();
  const layout = useMemo(() => toLayout(items), [items]);
  return (
    <div ref={containerRef} className="dashboard-grid" data-testid="dashboard-grid" data-count={items.length}>
      {items.length === 0 && <div className="dashboard-empty">{t('dashboards.emptyGrid')}</div>}
      {mounted && items.length > 0 && (
        <GridLayout
          width={width}
          layout={layout}
          gridConfig={{ cols: GRID_COLS, rowHeight: ROW_HEIGHT, margin: [10, 10] }}
          dragConfig={{ handle: '.dashboard-card-head', cancel: 'button, a, select, input' }}
          resizeConfig={{ handles: ['se'] }}
          onDragStop={commit}
          onResizeStop={commit}
        >
          {items.map((item, i) => (
            <div key={item.id}>
              <ReportCard item={item} index={i} />
            </div>
          ))}
        </GridLayout>
      )}
    </div>
  );
}
