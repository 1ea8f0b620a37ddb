interface Props {
  label: string;
  hint?: string;
  testId: string;
  value: string;
  onChange: (v: string) => void;
}

/** A labelled text input of the form settings panel. */
export function SettingsInput({ label, hint, testId, value, onChange }: Props) {
  return (
    <label className="prop-item">
      <span className="prop-label">{label}</span>
      <input className="input" value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId} />
      {hint ? <span className="prop-hint">{hint}</span> : null}
    </label>
  );
}
