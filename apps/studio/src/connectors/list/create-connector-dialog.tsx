import { connectorFromPreset, type PresetId } from '@kiln/engine-connectors';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CreateDialog } from '../../ui/create-dialog';
import { connectorApi } from '../api/connector-api';
import { PresetPicker } from './preset-picker';

interface Props {
  app: string;
  existing: string[];
  onClose: () => void;
  onCreated: (key: string) => void;
}

/**
 * "New connector": a preset (cards), key and names → `connectorFromPreset` → saved as a draft.
 * Names left empty keep the preset's own name.
 */
export default function CreateConnectorDialog({ app, existing, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const [preset, setPreset] = useState<PresetId>('rest');
  return (
    <CreateDialog
      title={t('connectors.create')} testId="connector-create-dialog" prefix="connector" existing={existing} onClose={onClose}
      labels={{ key: t('connectors.key'), zh: t('connectors.nameZh'), en: t('connectors.nameEn'), taken: t('connectors.keyTaken') }}
      nameTestIds={{ zh: 'connector-create-name-zh', en: 'connector-create-name-en' }}
      before={
        <div className="field">
          <span>{t('connectors.preset')}</span>
          <PresetPicker value={preset} onChange={setPreset} />
        </div>
      }
      create={async ({ key, name }) => {
        const unnamed = name['zh-CN'] === key && name.en === key;
        await connectorApi.save(app, key, connectorFromPreset(preset, key, unnamed ? undefined : name));
        onCreated(key);
      }}
    />
  );
}
