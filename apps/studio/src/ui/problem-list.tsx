/** A problem as designers show it under a control: the message and its stable code. */
export interface ShownProblem {
  message: string;
  code: string;
}

/**
 * The problems found at one JSON pointer of a definition, listed under the control that edits it
 * (`data-problem-path` = the pointer); nothing when there are none. Each designer finds its
 * problems in its own store and renders them with this.
 */
export function ProblemList({ problems, path }: { problems: readonly ShownProblem[]; path: string }) {
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
