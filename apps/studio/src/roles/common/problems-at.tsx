import { ProblemList } from '../../ui/problem-list';
import { useProblemsAt } from '../hooks/useProblemsAt';

/** The messages of the role's problems at pointer `path` (or below it, with `within`). */
export function ProblemsAt({ path, within = false }: { path: string; within?: boolean }) {
  return <ProblemList problems={useProblemsAt(path, within)} path={path} />;
}
