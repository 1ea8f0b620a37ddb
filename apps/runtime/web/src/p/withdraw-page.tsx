import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../shared/api';
import { randomId } from '../shared/uuid';
import { formatDateTime } from './format';
import { feeOf, formatFen, parseYuan } from './money';
import { listWithdrawals, requestWithdrawal, type PortalMe } from './portal-api';
import { Failed, Loading } from './states';
import { useLoad } from './use-load';

const STATES = new Set(['requested', 'approved', 'rejected', 'paid']);

/**
 * Withdraw: the available balance, an amount in yuan (sent as fen), the plan's minimum and fee
 * when the server tells them, then my withdrawals and their states. The server has the last
 * word: its refusal is shown as it words it.
 */
export function WithdrawPage({ app, me, onChanged }: { app: string; me: PortalMe; onChanged(): void }) {
  const { t } = useTranslation();
  const [list, reloadList] = useLoad((signal) => listWithdrawals(app, signal), [app]);
  const [text, setText] = useState('');
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: true; amount: number } | { ok: false; message: string } | undefined>();
  // One key per amount typed: a double tap or a retry after a lost answer stores one request;
  // a new amount is a new request.
  const [key, setKey] = useState(randomId);
  const inFlight = useRef(false);

  const available = me.balance.available;
  const min = Number(me.withdraw?.min) || 0;
  const feePercent = Number(me.withdraw?.feePercent) || 0;
  const fen = parseYuan(text);
  const problem = useMemo(() => {
    if (text.trim() === '') return undefined;
    if (fen === null) return t('p.withdraw.invalid');
    if (fen <= 0) return t('p.withdraw.zero');
    if (fen > available) return t('p.withdraw.tooMuch', { amount: formatFen(available) });
    if (min > 0 && fen < min) return t('p.withdraw.tooLittle', { amount: formatFen(min) });
    return undefined;
  }, [text, fen, available, min, t]);
  const fee = fen ? feeOf(fen, feePercent) : 0;

  const rule =
    min > 0 && feePercent > 0
      ? t('p.withdraw.rule', { min: formatFen(min), fee: feePercent })
      : min > 0
        ? t('p.withdraw.ruleMin', { min: formatFen(min) })
        : feePercent > 0
          ? t('p.withdraw.ruleFee', { fee: feePercent })
          : '';

  const submit = async () => {
    setTouched(true);
    if (fen === null || problem || inFlight.current) return;
    inFlight.current = true;
    setBusy(true);
    setOutcome(undefined);
    try {
      const res = await requestWithdrawal(app, fen, key);
      if (res.status !== 201 && res.status !== 200) throw new ApiError(res.status, `HTTP_${res.status}`, t('common.error'));
      setOutcome({ ok: true, amount: fen });
      setText('');
      setTouched(false);
      setKey(randomId());
      reloadList();
      onChanged();
    } catch (e) {
      setOutcome({ ok: false, message: e instanceof ApiError && e.status !== 0 ? e.message || t('common.error') : t('common.networkError') });
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  };

  return (
    <div className="p-stack" data-testid="p-withdraw">
      <form
        className="card p-card p-withdraw-form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <h1 className="p-card-title">{t('p.withdraw.title')}</h1>
        <div className="p-balance is-accent" data-testid="p-withdraw-available" data-fen={available}>
          <span className="p-balance-label">{t('p.withdraw.available')}</span>
          <strong className="p-balance-value">{formatFen(available)}</strong>
        </div>
        {rule && (
          <p className="muted p-rule" data-testid="p-withdraw-rule">
            {rule}
          </p>
        )}
        {outcome?.ok && (
          <div className="notice notice-ok" role="status" data-testid="p-withdraw-ok">
            {t('p.withdraw.requested', { amount: formatFen(outcome.amount) })}
          </div>
        )}
        {outcome && !outcome.ok && (
          <div className="notice notice-error" role="alert" data-testid="p-withdraw-error">
            {outcome.message}
          </div>
        )}
        <label className="p-field">
          <span>{t('p.withdraw.amount')}</span>
          <span className="p-amount-row">
            <span className="p-yuan" aria-hidden="true">
              ¥
            </span>
            <input
              className="input"
              inputMode="decimal"
              placeholder={t('p.withdraw.amountPlaceholder')}
              data-testid="p-withdraw-amount"
              aria-invalid={touched && problem ? true : undefined}
              value={text}
              onChange={(e) => {
                setText(e.target.value);
                setKey(randomId());
                setOutcome(undefined);
              }}
              onBlur={() => setTouched(true)}
            />
            <button type="button" className="btn btn-small" data-testid="p-withdraw-all" disabled={available <= 0} onClick={() => {
                setText((available / 100).toFixed(2));
                setKey(randomId());
              }}>
              {t('p.withdraw.all')}
            </button>
          </span>
        </label>
        {touched && problem && (
          <p className="p-field-error" data-testid="p-withdraw-problem">
            {problem}
          </p>
        )}
        {fen !== null && fen > 0 && !problem && feePercent > 0 && (
          <p className="muted p-rule" data-testid="p-withdraw-preview">
            {t('p.withdraw.preview', { fee: formatFen(fee), net: formatFen(fen - fee) })}
          </p>
        )}
        <button type="submit" className="btn btn-primary p-wide" data-testid="p-withdraw-submit" disabled={busy || fen === null || fen <= 0}>
          {busy ? t('p.withdraw.submitting') : t('p.withdraw.submit')}
        </button>
      </form>

      <section className="card p-card">
        <h2 className="p-card-title">{t('p.withdraw.history')}</h2>
        {list.kind === 'loading' && <Loading />}
        {list.kind === 'error' && <Failed error={list.error} onRetry={reloadList} />}
        {list.kind === 'ready' &&
          (list.data.items.length === 0 ? (
            <p className="muted p-empty" data-testid="p-withdrawals-empty">
              {t('p.withdraw.empty')}
            </p>
          ) : (
            <ul className="p-entries" data-testid="p-withdrawals">
              {list.data.items.map((w) => (
                <li key={w.id} className="p-entry" data-testid={`p-withdrawal-${w.id}`} data-state={w.state} data-amount={w.amount}>
                  <div className="p-entry-main">
                    <span className="p-entry-kind">{formatFen(w.amount)}</span>
                    <span className="p-entry-meta muted">
                      {[formatDateTime(w.createdAt), w.fee ? t('p.withdraw.fee', { fee: formatFen(w.fee) }) : ''].filter(Boolean).join(' · ')}
                    </span>
                  </div>
                  <span className={`p-chip w-${w.state}`} data-testid={`p-withdrawal-state-${w.id}`}>
                    {STATES.has(w.state) ? t(`p.withdraw.state.${w.state}`) : w.state}
                  </span>
                </li>
              ))}
            </ul>
          ))}
      </section>
    </div>
  );
}
