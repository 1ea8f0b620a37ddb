import { useTranslation } from 'react-i18next';
import { endpoints } from '../api/endpoints';
import type { FormDraft } from '../api/types';
import { useDeleteDraft } from '../hooks/useDeleteDraft';
import { useLocale } from '../hooks/useLocale';
import { paths } from '../router/routes';
import { DraftTable } from '../ui/draft-table';
import { pick } from '../ui/localized';

interface Props {
  app: string;
  drafts: FormDraft[];
  loading: boolean;
  onChanged: () => void;
}

/** The app's form drafts: open in the designer, public link, delete. */
export function FormsTable({ app, drafts, loading, onChanged }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { error, remove } = useDeleteDraft((key) => t('forms.confirmDelete', { key }), (key) => endpoints.deleteForm(app, key), onChanged);
  return (
    <DraftTable
      drafts={drafts} loading={loading} empty={t('forms.empty')} error={error} testId="form"
      headers={{ name: t('forms.name'), key: t('forms.key') }}
      href={(key) => paths.form(app, key)}
      name={(d, key) => pick(d?.title, locale, key)}
      columns={[
        { header: t('forms.fieldCount'), cell: (d) => d?.fields?.length ?? 0 },
        {
          header: t('forms.publicPage'),
          cell: (d, key) => d?.public?.enabled && d.public.slug ? (
            <a href={`/f/${encodeURIComponent(d.public.slug)}`} target="_blank" rel="noreferrer" data-testid={`form-public-${key}`}>
              /f/{d.public.slug} ↗
            </a>
          ) : (
            <span className="muted">—</span>
          ),
        },
      ]}
      onDelete={(key) => void remove(key)}
    />
  );
}
