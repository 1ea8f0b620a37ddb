import { useTranslation } from 'react-i18next';
import { endpoints } from '../../api/endpoints';
import type { RuleDraft } from '../../api/types';
import { useDeleteDraft } from '../../hooks/useDeleteDraft';
import { useLocale } from '../../hooks/useLocale';
import { paths } from '../../router/routes';
import { DraftTable } from '../../ui/draft-table';
import { pick } from '../../ui/localized';
import { eventKey } from '../model/event-key';

interface Props {
  app: string;
  drafts: RuleDraft[];
  loading: boolean;
  onChanged: () => void;
}

/** The app's rule drafts: title, key, kind (event and form, or hit policy), enabled, updated; open / delete. */
export function RulesTable({ app, drafts, loading, onChanged }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { error, remove } = useDeleteDraft((key) => t('rules.confirmDelete', { key }), (key) => endpoints.deleteRule(app, key), onChanged);
  return (
    <DraftTable
      drafts={drafts} loading={loading} empty={t('rules.empty')} error={error} testId="rule"
      headers={{ name: t('rules.name'), key: t('rules.key') }}
      href={(key) => paths.rule(app, key)}
      name={(d, key) => pick(d?.title, locale, key)}
      badge={(d) => d?.type === 'trigger' && d.enabled === false && <span className="badge">{t('rules.off')}</span>}
      columns={[{
        header: t('rules.kind'),
        className: 'muted',
        cell: (d) => d?.type === 'table'
          ? `${t('rules.typeTable')} · ${t(`rules.hitPolicies.${d.hitPolicy}`)}`
          : d?.type === 'trigger'
            ? `${t(eventKey(d.trigger?.event ?? ''))}${d.trigger && 'form' in d.trigger && d.trigger.form ? ` · ${d.trigger.form}` : ''}`
            : '—',
      }]}
      onDelete={(key) => void remove(key)}
    />
  );
}
