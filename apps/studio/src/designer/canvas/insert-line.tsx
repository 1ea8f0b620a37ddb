/** The blue line that shows where a drop will insert. */
export function InsertLine() {
  return <div className="insert-line" aria-hidden />;
}
