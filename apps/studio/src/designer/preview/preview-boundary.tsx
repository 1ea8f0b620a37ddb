import { Component, type ReactNode } from 'react';

interface Props {
  resetKey: unknown;
  fallback: (error: Error) => ReactNode;
  children: ReactNode;
}

/** Keeps a crashing preview from taking the designer down; retries when `resetKey` changes. */
export class PreviewBoundary extends Component<Props, { error: Error | null; key: unknown }> {
  override state = { error: null as Error | null, key: this.props.resetKey };

  static getDerivedStateFromProps(props: Props, state: { error: Error | null; key: unknown }) {
    return props.resetKey !== state.key ? { error: null, key: props.resetKey } : null;
  }

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override render() {
    return this.state.error ? this.props.fallback(this.state.error) : this.props.children;
  }
}
