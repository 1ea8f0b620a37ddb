import { useTranslation } from 'react-i18next';
import { ptr } from '../../rules/model/pointer';
import { MappingEditor } from '../editor/mapping-editor';
import { addRow, removeRow, renameRow, setRow, type Rows } from '../model/record-rows';

interface Props {
  rows: Rows | undefined;
  onChange: (rows: Rows | undefined) => void;
  /** Pointer of the record (`…/query`); each value is `<base>/<name>`. */
  base: string;
  /** Test ids `<p>-add`, `<p>-name-<r>`, `<p>-expr-<r>`, `<p>-remove-<r>`. */
  prefix: string;
  /** Name of a new row (made unique). */
  newName: string;
}

/** Query parameters or headers: name ← JSONata expression rows (a null result leaves the entry out). */
export function RecordRows({ rows, onChange, base, prefix, newName }: Props) {
  const { t } = useTranslation();
  const entries = Object.entries(rows ?? {});
  return (
    <div className="mapping" data-testid={prefix} data-count={entries.length}>
      {entries.map(([name, expr], r) => (
        <div key={r} className="mapping-row">
          <input
            className="input mono conn-row-name" defaultValue={name} key={name}
            onBlur={(e) => {
              const to = e.target.value.trim();
              if (to !== name && rows && !(to in rows) && to) onChange(renameRow(rows, name, to));
              else e.target.value = name;
            }}
            onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
            data-testid={`${prefix}-name-${r}`}
          />
          <span className="mapping-arrow">←</span>
          <MappingEditor path={`${base}${ptr(name)}`} value={expr} onChange={(v) => onChange(setRow(rows ?? {}, name, v))} scope="step" testId={`${prefix}-expr-${r}`} />
          <span className="row-tools">
            <button type="button" onClick={() => onChange(removeRow(rows ?? {}, name))} title={t('common.delete')} data-testid={`${prefix}-remove-${r}`}>
              ✕
            </button>
          </span>
        </div>
      ))}
      <button type="button" className="btn btn-sm" onClick={() => onChange(addRow(rows, newName))} data-testid={`${prefix}-add`}>
        + {t('connectors.steps.addRow')}
      </button>
    </div>
  );
}
