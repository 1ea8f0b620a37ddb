import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserHit } from '../../api/types';
import { useAsync } from '../../hooks/useAsync';
import { ErrorText } from '../../ui/error-text';
import { rolesApi } from '../api/roles-api';
import { UserSearch } from '../common/user-search';
import { AccessMatrix } from './access-matrix';
import { RecordsPreview } from './records-preview';

/**
 * "View as user" (`viewas-tab`): pick a user (`viewas-user`), see their effective access under
 * the app's published roles and the records they would see. The note (`viewas-note`) says that
 * unpublished role edits only show after publishing.
 */
export function ViewAsTab({ app }: { app: string }) {
  const { t } = useTranslation();
  const [user, setUser] = useState<UserHit | null>(null);
  const preview = useAsync(() => (user ? rolesApi.preview(app, user.id) : Promise.resolve(null)), [app, user?.id]);
  const access = user && !preview.loading ? preview.data : null;
  return (
    <div className="roles-pane role-native-undo" data-testid="viewas-tab" data-state={!user ? 'idle' : preview.loading ? 'loading' : preview.error ? 'error' : 'ok'}>
      <section className="panel">
        <header className="panel-head">{t('roles.viewas.title')}</header>
        <div className="pad role-viewas-pick">
          <UserSearch value={user} onChange={setUser} testId="viewas-user" placeholder={t('roles.viewas.pick')} />
          <p className="role-viewas-note" data-testid="viewas-note">
            {t('roles.viewas.note')}
          </p>
        </div>
        {user && (
          <div className="pad">
            <ErrorText error={preview.error} />
            {preview.loading && !access && <div className="muted">{t('common.loading')}</div>}
            {access && (
              <>
                <AccessMatrix access={access} />
                <RecordsPreview key={user.id} app={app} userId={user.id} access={access} />
              </>
            )}
          </div>
        )}
      </section>
    </div>
  );
}
