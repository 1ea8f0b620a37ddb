import type { FieldDefinition } from '@kiln/engine-forms';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../hooks/useLocale';
import { pick } from '../../ui/localized';

/** A static look-alike of the field's input, so the canvas reads like the form. */
export function FieldMock({ field }: { field: FieldDefinition }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const ph = pick(field.placeholder, locale);
  switch (field.type) {
    case 'boolean':
      return <div className="mock mock-check">☐ {pick(field.label, locale)}</div>;
    case 'select':
    case 'multiselect': {
      const opts = field.options ?? [];
      return (
        <div className="mock mock-options">
          {opts.length === 0 && <span className="muted">{t('props.noOptions')}</span>}
          {opts.slice(0, 6).map((o, i) => (
            <span key={i} className="mock-chip">
              {pick(o.label, locale, o.value)}
            </span>
          ))}
          {opts.length > 6 && <span className="muted">+{opts.length - 6}</span>}
        </div>
      );
    }
    case 'textarea':
      return <div className="mock mock-area">{ph}</div>;
    case 'linkparam':
      return <div className="mock mock-hidden">?{field.linkParam || '…'}=</div>;
    case 'autonumber':
      return <div className="mock mock-hidden">{field.mode === 'shortcode' ? 'A7KQ2M' : `${field.prefix ?? ''}000001`}</div>;
    case 'formula':
      return <div className="mock mock-hidden">ƒx {field.expression || t('props.noExpression')}</div>;
    case 'relation':
      return <div className="mock">⇄ {field.target || t('props.noTarget')}{field.many ? ' [ ]' : ''}</div>;
    default:
      return <div className="mock">{ph}</div>;
  }
}
