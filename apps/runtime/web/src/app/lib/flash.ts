/** A one-shot message carried across an in-page navigation ("Saved", "Deleted #3"). */
let pending: string | undefined;

export function setFlash(message: string): void {
  pending = message;
}

export function takeFlash(): string | undefined {
  const m = pending;
  pending = undefined;
  return m;
}
