import { useProblemsAt } from '../hooks/useProblemsAt';

/** The messages of problems at `path` (under a select or input that is not an expression editor). */
export function ProblemHint({ path, within = false }: { path: string; within?: boolean }) {
  const problems = useProblemsAt(path, within);
  if (problems.length === 0) return null;
  return (
    <ul className="expr-messages" data-problem-path={path}>
      {problems.map((p, i) => (
        <li key={i} className={p.severity === 'warning' ? 'is-warning' : 'is-error'}>
          {p.message}
          <code>{p.code}</code>
        </li>
      ))}
    </ul>
  );
}
