import { useProblemsAt } from '../hooks/useProblemsAt';

/** The messages of the role's problems at pointer `path` (or below it, with `within`). */
export function ProblemsAt({ path, within = false }: { path: string; within?: boolean }) {
  const problems = useProblemsAt(path, within);
  if (problems.length === 0) return null;
  return (
    <ul className="expr-messages" data-problem-path={path}>
      {problems.map((p, i) => (
        <li key={i} className="is-error">
          {p.message}
          <code>{p.code}</code>
        </li>
      ))}
    </ul>
  );
}
