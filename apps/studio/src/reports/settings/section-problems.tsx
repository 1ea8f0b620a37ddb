import { useSectionProblems } from '../hooks/useSectionProblems';
import type { ReportSection } from '../model/problem-target';

/** The messages of the problems about a settings section (`section-problems-<section>`). */
export function SectionProblems({ section }: { section: ReportSection }) {
  const problems = useSectionProblems(section);
  if (!problems.length) return null;
  return (
    <ul className="expr-messages" data-testid={`section-problems-${section}`}>
      {problems.map((p, i) => (
        <li key={i} className="is-error">
          {p.message}
          <code>{p.code}</code>
        </li>
      ))}
    </ul>
  );
}
