import type { FormDefinition } from '@kiln/engine-forms';
import { useTranslation } from 'react-i18next';
import { chipClause, POLICY_CHIPS, withClause } from './snippets';

interface Props {
  form: string;
  forms: Record<string, FormDefinition>;
  value: string;
  onInsert: (policy: string) => void;
}

/**
 * Quick-insert chips under a row policy (`policy-chip-<form>-<own|downline|region>`): "own
 * records", "in my downline", "same region". A chip the form cannot express is disabled with
 * the reason as its tooltip.
 */
export function PolicyChips({ form, forms, value, onInsert }: Props) {
  const { t } = useTranslation();
  return (
    <div className="role-chips">
      <span className="hint">{t('roles.policy.insert')}</span>
      {POLICY_CHIPS.map((chip) => {
        const clause = chipClause(chip, form, forms);
        return (
          <button
            key={chip} type="button" className="role-chip" disabled={!clause}
            title={clause ?? t(`roles.policy.chips.${chip}Unavailable`)}
            onClick={() => clause && onInsert(withClause(value, clause))}
            data-testid={`policy-chip-${form}-${chip}`}
          >
            + {t(`roles.policy.chips.${chip}`)}
          </button>
        );
      })}
    </div>
  );
}
