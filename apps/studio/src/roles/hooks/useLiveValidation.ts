import { useEffect } from 'react';
import { liveProblems } from '../model/live-problems';
import { useRoleUi } from '../store/role-ui';
import { useAppDrafts } from './useAppDrafts';
import { useAppForms } from './useAppForms';
import { useRole } from './useRole';

/** Quiet time after the last edit before the role is validated again. */
const DEBOUNCE_MS = 200;

/** Validates the role in the browser (`validateRole` and the row policies) after every change, debounced. */
export function useLiveValidation(): void {
  const role = useRole();
  const { forms } = useAppForms();
  const { flows, reports } = useAppDrafts();
  useEffect(() => {
    const timer = window.setTimeout(() => {
      const problems = liveProblems(role, { forms, flows: flows.map((f) => f.key), reports: reports.map((r) => r.key) });
      useRoleUi.setState({ liveProblems: problems });
    }, DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [role, forms, flows, reports]);
}
