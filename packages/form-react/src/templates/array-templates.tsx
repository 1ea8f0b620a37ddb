import type { ArrayFieldItemTemplateProps, ArrayFieldTemplateProps } from '@rjsf/utils';
import { testIdOf } from '../test-id';
import { kilnContext } from '../context';
import { msg } from '../messages';

/**
 * A sub-table: its label, one card per row, and an add button (`field-<key>-add`, hidden once
 * `maxItems` is reached). The wrapper is `field-<key>` with `data-rows` = the row count.
 */
export function ArrayFieldTemplate(props: ArrayFieldTemplateProps) {
  const { canAdd, disabled, readonly, fieldPathId, items, onAddClick, required, title, registry, schema, uiSchema } = props;
  const { locale } = kilnContext(registry.formContext);
  const label = (uiSchema?.['ui:title'] as string | undefined) ?? title;
  return (
    <fieldset className="kf-subtable" id={fieldPathId.$id} data-testid={testIdOf(fieldPathId.$id)} data-rows={items.length}>
      {label && (
        <legend className="kf-label">
          {label}
          {required && <span className="kf-required" aria-hidden="true">*</span>}
        </legend>
      )}
      {schema.description && <div className="kf-description">{schema.description}</div>}
      <div className="kf-rows">{items}</div>
      {canAdd && (
        <button
          type="button"
          className="kf-btn kf-btn-secondary kf-add"
          data-testid={testIdOf(fieldPathId.$id, 'add')}
          disabled={disabled || readonly}
          onClick={onAddClick}
        >
          + {msg(locale, 'addRow')}
        </button>
      )}
    </fieldset>
  );
}

/** One sub-table row (`field-<key>-<index>`) with its remove button (`field-<key>-<index>-remove`). */
export function ArrayFieldItemTemplate(props: ArrayFieldItemTemplateProps) {
  const { children, buttonsProps, index, registry } = props;
  const { locale } = kilnContext(registry.formContext);
  const rowId = buttonsProps.fieldPathId.$id;
  const { hasRemove, hasMoveUp, hasMoveDown, onRemoveItem, onMoveUpItem, onMoveDownItem, disabled, readonly } = buttonsProps;
  const off = disabled || readonly;
  return (
    <div className="kf-row" data-testid={testIdOf(rowId)}>
      <div className="kf-row-head">
        <span className="kf-row-title">{msg(locale, 'rowN', { n: index + 1 })}</span>
        <span className="kf-row-actions">
          {(hasMoveUp || hasMoveDown) && (
            <>
              <button type="button" className="kf-icon-btn" title={msg(locale, 'moveUp')} aria-label={msg(locale, 'moveUp')} disabled={off || !hasMoveUp} onClick={onMoveUpItem}>
                ↑
              </button>
              <button type="button" className="kf-icon-btn" title={msg(locale, 'moveDown')} aria-label={msg(locale, 'moveDown')} disabled={off || !hasMoveDown} onClick={onMoveDownItem}>
                ↓
              </button>
            </>
          )}
          {hasRemove && (
            <button type="button" className="kf-icon-btn kf-danger" data-testid={testIdOf(rowId, 'remove')} disabled={off} onClick={onRemoveItem}>
              {msg(locale, 'removeRow')}
            </button>
          )}
        </span>
      </div>
      {children}
    </div>
  );
}
