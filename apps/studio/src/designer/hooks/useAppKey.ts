import { useAppContext } from '../store/app-context';

const selectApp = (s: { app: string }) => s.app;

/** The key of the app whose form is being designed. */
export function useAppKey(): string {
  return useAppContext(selectApp);
}
