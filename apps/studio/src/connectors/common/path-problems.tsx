import { ProblemList } from '../../ui/problem-list';
import { useProblemsAt } from '../hooks/useProblemsAt';

/** The messages of the problems at `path` (under a control that is not a mapping editor). */
export function PathProblems({ path, within = false }: { path: string; within?: boolean }) {
  return <ProblemList problems={useProblemsAt(path, within)} path={path} />;
}
