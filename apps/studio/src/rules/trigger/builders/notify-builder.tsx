import type { NotifyAction } from '@kiln/engine-rules';
import { useTranslation } from 'react-i18next';
import { CheckList } from '../../common/check-list';
import { Labeled } from '../../common/labeled';
import { RuleExpr } from '../../common/rule-expr';
import { withOptional } from '../../model/optional';
import { ptr } from '../../model/pointer';
import { editAs, patchAction, type BuilderProps } from './builder-props';

/** The platform's roles (contract: Roles). */
const ROLES = ['admin', 'builder', 'operator', 'promoter'] as const;

/** notify: who (user ids expression and / or roles), title and body. */
export function NotifyBuilder({ index: n, action, scope }: BuilderProps<NotifyAction>) {
  const { t } = useTranslation();
  const exprProps = { context: 'action' as const, fields: scope.fields, itemFields: scope.itemFields, results: scope.results };
  return (
    <div className="rule-grid">
      <Labeled label={t('rules.users')} hint={t('rules.usersHint')}>
        <RuleExpr
          {...exprProps}
          path={ptr('actions', n, 'users')}
          value={action.users}
          onChange={(v) => editAs<NotifyAction>(n, (a) => withOptional(a, 'users', v), ptr('actions', n, 'users'))}
          placeholder="record.owner"
          testId={`action-users-${n}`}
        />
      </Labeled>
      <Labeled label={t('rules.roles')} path={ptr('actions', n, 'roles')}>
        <CheckList
          options={ROLES.map((r) => ({ value: r, label: t(`rules.roleNames.${r}`) }))}
          value={action.roles ?? []}
          onChange={(roles) =>
            editAs<NotifyAction>(n, (a) => {
              const next = { ...a };
              if (roles.length) next.roles = roles;
              else delete next.roles;
              return next;
            })
          }
          testIdPrefix={`action-roles-${n}`}
        />
      </Labeled>
      <Labeled label={t('rules.notifyTitle')} hint={t('rules.textExprHint')} wide>
        <RuleExpr
          {...exprProps}
          path={ptr('actions', n, 'title')}
          value={action.title}
          onChange={(title) => patchAction<NotifyAction>(n, { title }, 'title')}
          placeholder={"'新订单 ' + record.no"}
          testId={`action-title-${n}`}
        />
      </Labeled>
      <Labeled label={t('rules.body')} wide>
        <RuleExpr
          {...exprProps}
          path={ptr('actions', n, 'body')}
          value={action.body}
          onChange={(v) => editAs<NotifyAction>(n, (a) => withOptional(a, 'body', v), ptr('actions', n, 'body'))}
          multiline
          testId={`action-body-${n}`}
        />
      </Labeled>
    </div>
  );
}
