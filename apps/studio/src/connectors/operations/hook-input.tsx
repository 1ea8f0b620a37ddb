import { useId } from 'react';
import { useConnectorContext, type ConnectorContextState } from '../store/connector-context';

const selectHooks = (s: ConnectorContextState) => s.hooks;

/** A webhook rule's hook name: free text with the app's webhook rules suggested. */
export function HookInput({ value, onChange, testId, path }: { value: string; onChange: (v: string) => void; testId: string; path?: string }) {
  const hooks = useConnectorContext(selectHooks);
  const listId = useId();
  return (
    <>
      <input className="input mono" list={listId} value={value} onChange={(e) => onChange(e.target.value.trim())} data-testid={testId} data-path={path} />
      <datalist id={listId}>
        {hooks.map((h) => (
          <option key={h} value={h} />
        ))}
      </datalist>
    </>
  );
}
