import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAsync } from '../../hooks/useAsync';
import { useLocale } from '../../hooks/useLocale';
import { confirmAction } from '../../ui/confirm';
import { ListPanel } from '../common/list-panel';
import { rolesApi } from '../api/roles-api';
import type { ApiToken, CreatedToken } from '../api/types';
import { usePublishedRoles } from '../hooks/usePublishedRoles';
import { tokenState } from '../model/token-expiry';
import { CreateTokenDialog } from './create-token-dialog';
import { TokenReveal } from './token-reveal';

/**
 * The app's API tokens (`tokens-tab`): name, role, prefix, created, last used, expires, state
 * (`token-row-<id>`, `data-state` active | expired | revoked); "new token" (`token-create`) shows
 * the secret once; revoke (`token-revoke-<id>`) asks first.
 */
export function TokensTab({ app }: { app: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const list = useAsync(() => rolesApi.tokens(app), [app]);
  const roles = usePublishedRoles(app);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const [error, setError] = useState<unknown>();
  const tokens = list.data ?? [];
  const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString(locale) : '—');
  const revoke = async (tok: ApiToken) => {
    if (!(await confirmAction(t('roles.tokens.confirmRevoke', { name: tok.name }), { danger: true }))) return;
    try {
      await rolesApi.revokeToken(app, tok.id);
      list.reload();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <div className="roles-pane role-native-undo" data-testid="tokens-tab">
      <ListPanel
        title={t('roles.tokens.title')}
        hint={t('roles.tokens.hint')}
        addLabel={t('roles.tokens.create')}
        addTestId="token-create"
        onAdd={() => setCreating(true)}
        error={list.error ?? error}
        loading={list.loading && !list.data}
        empty={Boolean(list.data) && tokens.length === 0}
        emptyText={t('roles.tokens.empty')}
        rows={tokens.length}
        emptyTestId="tokens-empty"
      >
        <table className="table" data-testid="tokens-table" data-count={tokens.length}>
          <thead>
            <tr>
              <th>{t('roles.tokens.name')}</th>
              <th>{t('roles.tokens.role')}</th>
              <th>{t('roles.tokens.prefix')}</th>
              <th>{t('roles.tokens.created')}</th>
              <th>{t('roles.tokens.lastUsed')}</th>
              <th>{t('roles.tokens.expires')}</th>
              <th>{t('roles.tokens.state')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {tokens.map((tok) => {
              const state = tokenState(tok);
              return (
                <tr key={tok.id} data-testid={`token-row-${tok.id}`} data-state={state} className={state === 'active' ? undefined : 'is-disabled'}>
                  <td>{tok.name}</td>
                  <td>
                    <code>{tok.role}</code>
                  </td>
                  <td>
                    <code>{tok.prefix}…</code>
                  </td>
                  <td className="muted">{when(tok.createdAt)}</td>
                  <td className="muted">{when(tok.lastUsedAt)}</td>
                  <td className="muted">{tok.expiresAt ? when(tok.expiresAt) : t('roles.tokens.never')}</td>
                  <td>
                    <span className={state === 'active' ? 'badge badge-ok' : 'badge badge-warn'}>{t(`roles.tokens.states.${state}`)}</span>
                  </td>
                  <td className="row-actions">
                    {state !== 'revoked' && (
                      <button type="button" className="btn btn-sm btn-danger" onClick={() => void revoke(tok)} data-testid={`token-revoke-${tok.id}`}>
                        {t('roles.tokens.revoke')}
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ListPanel>
      {creating && (
        <CreateTokenDialog
          app={app} roleKeys={(roles.data ?? []).map((r) => r.key)} onClose={() => setCreating(false)}
          onCreated={(tok) => {
            setCreating(false);
            setCreated(tok);
            list.reload();
          }}
        />
      )}
      {created && <TokenReveal token={created} onClose={() => setCreated(null)} />}
    </div>
  );
}
