import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Copies with the Clipboard API, else with a hidden textarea (plain-http LAN pages, old WebViews). */
async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    /* permission refused: try the old way */
  }
  const ta = document.createElement('textarea');
  ta.value = text;
  ta.setAttribute('readonly', '');
  ta.style.position = 'fixed';
  ta.style.opacity = '0';
  document.body.appendChild(ta);
  ta.select();
  let ok = false;
  try {
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  ta.remove();
  return ok;
}

/**
 * A "copy" button that says "copied" for two seconds; `data-copied` is `true` / `false` after
 * a click (tests read it), absent before.
 */
export function CopyButton({ text, testId }: { text: string; testId: string }) {
  const { t } = useTranslation();
  const [result, setResult] = useState<boolean | undefined>();
  useEffect(() => {
    if (result === undefined) return;
    const timer = setTimeout(() => setResult(undefined), 2000);
    return () => clearTimeout(timer);
  }, [result]);
  return (
    <button
      type="button"
      className={`btn btn-small p-copy${result ? ' is-done' : ''}`}
      data-testid={testId}
      data-copied={result === undefined ? undefined : String(result)}
      onClick={() => void copyText(text).then(setResult)}
    >
      {result === undefined ? t('p.home.copy') : result ? t('p.home.copied') : t('p.home.copyFailed')}
    </button>
  );
}
