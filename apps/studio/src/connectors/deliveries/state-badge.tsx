import { useTranslation } from 'react-i18next';
import type { DeliveryState } from '../api/types';

/** A delivery's state as a coloured badge (`data-state`). */
export function StateBadge({ state, testId }: { state: DeliveryState; testId?: string }) {
  const { t } = useTranslation();
  return (
    <span className={`badge conn-state conn-state-${state}`} data-testid={testId} data-state={state}>
      {t(`connectors.deliveries.states.${state}`)}
    </span>
  );
}
