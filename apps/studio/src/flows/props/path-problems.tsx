import { useSelectedNode } from '../hooks/useSelectedNode';
import { useNodeProblems } from '../hooks/useNodeProblems';

/** The messages of the selected node's problems at `path` (under a control that is not an expression editor). */
export function PathProblems({ path, within = false }: { path: string; within?: boolean }) {
  const node = useSelectedNode();
  const problems = useNodeProblems(node?.id, path, within).filter((p) => p.source !== 'expr');
  if (!problems.length) return null;
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
