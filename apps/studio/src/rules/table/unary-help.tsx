import { useState } from 'react';
import { useTranslation } from 'react-i18next';

const EXAMPLES = ['-', '< 5', '>= 10000', '[1..10]', '(0..100]', '"vip", "svip"', 'not("blocked")', 'true', '$ % 2 === 0'] as const;

/** A "?" button with a popover on the syntax of input cells (unary tests). */
export function UnaryHelp() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <span className="unary-help">
      <button type="button" className="btn btn-sm btn-ghost" onClick={() => setOpen(!open)} aria-expanded={open} data-testid="unary-help">
        ? {t('rules.unaryHelp')}
      </button>
      {open && (
        <div className="unary-popover" role="dialog" data-testid="unary-help-popover">
          <div className="unary-popover-head">
            <strong>{t('rules.unaryHelpTitle')}</strong>
            <button type="button" className="btn btn-sm btn-ghost" onClick={() => setOpen(false)} aria-label={t('common.cancel')}>
              ✕
            </button>
          </div>
          <table>
            <tbody>
              {EXAMPLES.map((ex, i) => (
                <tr key={ex}>
                  <td>
                    <code>{ex}</code>
                  </td>
                  <td>{t(`rules.unaryExamples.e${i}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted small">{t('rules.unaryOutputs')}</p>
        </div>
      )}
    </span>
  );
}
