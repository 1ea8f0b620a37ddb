import { useTranslation } from 'react-i18next';
import { Select } from '../../designer/props/connected';
import { useLocale } from '../../hooks/useLocale';
import { pick } from '../../ui/localized';
import { useFlow } from '../hooks/useFlow';
import { FlowPropField } from './flow-prop-field';

/** Join node: the parallel split whose branches it waits for (optional, documents the pairing). */
export function JoinSection() {
  const { t } = useTranslation();
  const locale = useLocale();
  const flow = useFlow();
  const splits = flow.nodes.filter((n) => n.type === 'parallel').map((n) => ({ value: n.id, label: `${pick(n.data.name, locale, n.id)} (${n.id})` }));
  return (
    <section className="prop-section">
      <div className="prop-section-title">{t('flows.sections.join')}</div>
      <div className="prop-grid">
        <FlowPropField name="split" title={t('flows.props.split')} hint={t('flows.props.splitHint')} component={Select} props={{ options: splits, allowEmpty: true, emptyLabel: t('flows.none') }} />
      </div>
    </section>
  );
}
