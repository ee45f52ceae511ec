import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

function Fallback({ error, onRetry }: { error: Error; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="crash" role="alert">
      <h2>{t('crash.title')}</h2>
      <p>{t('crash.body')}</p>
      <pre className="crash-detail">{error.message}</pre>
      <button type="button" onClick={onRetry}>
        {t('crash.retry')}
      </button>
    </div>
  );
}

/** A failure in one screen shows words and a way back, never a blank window. */
export class ErrorBoundary extends Component<{ children: ReactNode; resetKey?: string }, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: unknown): { error: Error } {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.warn('Dateline screen failed', error, info.componentStack);
  }

  override componentDidUpdate(prev: { resetKey?: string }): void {
    // Moving to another screen is a fresh start.
    if (prev.resetKey !== this.props.resetKey && this.state.error) this.setState({ error: null });
  }

  override render() {
    if (this.state.error) return <Fallback error={this.state.error} onRetry={() => this.setState({ error: null })} />;
    return this.props.children;
  }
}
