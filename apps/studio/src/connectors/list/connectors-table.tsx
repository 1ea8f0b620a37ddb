import type { ConnectorDefinition } from '@kiln/engine-connectors';
import { useTranslation } from 'react-i18next';
import type { Draft } from '../../api/endpoints';
import { useDeleteDraft } from '../../hooks/useDeleteDraft';
import { useLocale } from '../../hooks/useLocale';
import { paths } from '../../router/routes';
import { DraftTable } from '../../ui/draft-table';
import { connectorApi } from '../api/connector-api';
import { textOf } from '../model/text';
import { PresetIcon } from './preset-icon';

interface Props {
  app: string;
  drafts: Draft<ConnectorDefinition>[];
  loading: boolean;
  onChanged: () => void;
}

/** The app's connector drafts: name, key, preset, outbound / inbound badges, updated; open / delete. */
export function ConnectorsTable({ app, drafts, loading, onChanged }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { error, remove } = useDeleteDraft((key) => t('connectors.confirmDelete', { key }), (key) => connectorApi.remove(app, key), onChanged);
  return (
    <DraftTable
      drafts={drafts} loading={loading} empty={t('connectors.empty')} error={error} testId="connector"
      headers={{ name: t('connectors.name'), key: t('connectors.key') }}
      href={(key) => paths.connector(app, key)}
      name={(d, key) => textOf(d?.name, locale, key)}
      columns={[
        {
          header: t('connectors.preset'),
          className: 'muted',
          cell: (d) => (
            <span className="conn-preset-cell">
              <PresetIcon preset={d?.preset} /> {d?.preset ? t(`connectors.presets.${d.preset}.name`) : t('connectors.custom')}
            </span>
          ),
        },
        {
          header: t('connectors.directions'),
          cell: (d, key) => (
            <span className="conn-dirs">
              {Object.keys(d?.operations ?? {}).length > 0 && (
                <span className="badge conn-out" data-testid={`connector-out-${key}`}>
                  ↑ {t('connectors.outbound')} · {Object.keys(d?.operations ?? {}).length}
                </span>
              )}
              {d?.inbound && (
                <span className="badge conn-in" data-testid={`connector-in-${key}`}>
                  ↓ {t('connectors.inbound.badge')}
                </span>
              )}
            </span>
          ),
        },
      ]}
      onDelete={(key) => void remove(key)}
    />
  );
}
