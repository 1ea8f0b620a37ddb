import cliProgress from 'cli-progress';

/** How the generator reports: one `begin … tick … end` per form. */
export interface ScaleProgress {
  begin(form: string, total: number): void;
  tick(rows: number): void;
  /** A phase after the rows (index rebuild, analyze) of the current form. */
  phase(text: string): void;
  /** The form is done: one summary line. */
  end(summary: string): void;
}

export const silentProgress: ScaleProgress = { begin() {}, tick() {}, phase() {}, end() {} };

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

/**
 * Progress on stderr: on a terminal a cli-progress bar per form (rows done / total, rate, ETA);
 * otherwise (CI, a pipe) only one line per form when it is done.
 */
export function consoleProgress(stream: NodeJS.WriteStream = process.stderr): ScaleProgress {
  const tty = Boolean(stream.isTTY);
  let bar: cliProgress.SingleBar | null = null;
  let done = 0;
  let started = 0;
  let form = '';
  return {
    begin(f, total) {
      form = f;
      done = 0;
      started = performance.now();
      if (!tty) return;
      bar = new cliProgress.SingleBar({
        stream,
        format: '{form} |{bar}| {percentage}% {done}/{all} rows | {rate} rows/s | ETA {eta_formatted} {phase}',
        barsize: 30,
        hideCursor: true,
        etaBuffer: 20,
        fps: 5,
      }, cliProgress.Presets.shades_classic);
      bar.start(total, 0, { form: f.padEnd(18), done: '0', all: fmt(total), rate: '-', phase: '' });
    },
    tick(rows) {
      done += rows;
      const secs = (performance.now() - started) / 1000;
      bar?.update(done, { done: fmt(done), rate: secs > 0 ? fmt(done / secs) : '-' });
    },
    phase(text) {
      bar?.update(done, { phase: `· ${text}` });
    },
    end(summary) {
      if (bar) {
        bar.update(done, { phase: '' });
        bar.stop();
        bar = null;
      }
      stream.write(`${form}: ${summary}\n`);
    },
  };
}
