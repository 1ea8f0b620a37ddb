/** A value as indented JSON, in a scrollable block. */
export function JsonView({ value, testId }: { value: unknown; testId?: string }) {
  let text: string;
  try {
    text = JSON.stringify(value, null, 2) ?? 'undefined';
  } catch {
    text = String(value);
  }
  return (
    <pre className="json-view" data-testid={testId}>
      {text}
    </pre>
  );
}
