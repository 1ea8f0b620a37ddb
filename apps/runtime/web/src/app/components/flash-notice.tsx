import { useState } from 'react';
import { takeFlash } from '../lib/flash';

/**
 * The one-shot message a previous page left (`setFlash`) or one set here (`message`), shown as
 * a dismissable success notice (`flash`, its text `flash-text`). Renders nothing when there is none.
 */
export function FlashNotice({ message, onClose }: { message?: string; onClose?(): void }) {
  const [carried, setCarried] = useState<string | undefined>(() => takeFlash());
  const text = message ?? carried;
  if (!text) return null;
  return (
    <div className="notice notice-ok" role="status" data-testid="flash">
      <span data-testid="flash-text">{text}</span>
      <button
        type="button"
        className="close"
        aria-label="×"
        onClick={() => {
          setCarried(undefined);
          onClose?.();
        }}
      >
        ×
      </button>
    </div>
  );
}
