import type { Locale } from '@kiln/engine-forms';
import { ReportError, type ReportErrorCode } from '../errors.js';
import type { ReportProblem } from '../model.js';
import type { Bilingual } from '../text.js';

/** Collects problems, deduplicated by code + path; compile errors become problems. @internal */
export class Problems {
  private readonly list: ReportProblem[] = [];
  private readonly keys = new Set<string>();
  constructor(private readonly locale: Locale) {}

  add(code: ReportErrorCode, path: string, message: Bilingual): void {
    const key = `${code} ${path}`;
    if (this.keys.has(key)) return;
    this.keys.add(key);
    this.list.push({ code, path, message: message[this.locale] || message['zh-CN'] });
  }

  /** Runs a check; a thrown ReportError becomes a problem (at `fallbackPath` when it has none). */
  run(fallbackPath: string, check: () => void): void {
    try {
      check();
    } catch (e) {
      if (!(e instanceof ReportError)) throw e;
      this.add(e.code, e.path ?? fallbackPath, e.messages);
    }
  }

  get all(): ReportProblem[] {
    return [...this.list];
  }
}
