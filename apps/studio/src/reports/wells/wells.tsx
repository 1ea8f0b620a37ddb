import { useReport } from '../hooks/useReport';
import { visibleWells } from '../model/wells';
import { Well } from './well';

/** The report's wells: dimensions (or the pivot's rows and columns), measures, filters. */
export function Wells() {
  const report = useReport();
  return (
    <div className="report-wells" data-testid="report-wells">
      {visibleWells(report).map((w) => (
        <Well key={w} well={w} />
      ))}
    </div>
  );
}
