import { useTranslation } from 'react-i18next';
import { TextArea, TextInput } from '../../designer/props/connected';
import { AssigneeList } from './assignee-list';
import { FlowPropField } from './flow-prop-field';

/** Notify node: recipients (like assignees), title and body in both languages (`{field}` placeholders). */
export function NotifySection() {
  const { t } = useTranslation();
  return (
    <section className="prop-section">
      <div className="prop-section-title">{t('flows.sections.notify')}</div>
      <FlowPropField name="to" title={t('flows.props.recipients')} component={AssigneeList} props={{ prefix: 'notify-to', base: '/to' }} />
      <div className="prop-grid">
        <FlowPropField name="title-zh" title={t('flows.props.titleZh')} component={TextInput} path="/title" />
        <FlowPropField name="title-en" title={t('flows.props.titleEn')} component={TextInput} />
        <FlowPropField name="body-zh" title={t('flows.props.bodyZh')} hint={t('flows.props.bodyHint')} component={TextArea} />
        <FlowPropField name="body-en" title={t('flows.props.bodyEn')} component={TextArea} />
      </div>
    </section>
  );
}
