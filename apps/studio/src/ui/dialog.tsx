import { useEffect, type FormEvent, type ReactNode } from 'react';

interface Props {
  title: string;
  onClose: () => void;
  onSubmit: () => void;
  children: ReactNode;
  footer: ReactNode;
  testId?: string;
}

/** A small modal dialog wrapping a form; Escape or the backdrop closes it. */
export function Dialog({ title, onClose, onSubmit, children, footer, testId }: Props) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  return (
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <form className="dialog" role="dialog" aria-label={title} onSubmit={submit} data-testid={testId}>
        <header className="dialog-title">{title}</header>
        <div className="dialog-body">{children}</div>
        <footer className="dialog-footer">{footer}</footer>
      </form>
    </div>
  );
}
