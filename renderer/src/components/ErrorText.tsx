import type { UiError } from '../bridge/errors';
import { useT } from '../i18n/context';

export function ErrorText({ error, testId, onRetry }: { error: UiError; testId?: string; onRetry?: () => void }) {
  const { formatError, t } = useT();
  return (
    <div className="error" role="alert" data-testid={testId} data-error-code={error.code}>
      <span>{formatError(error)}</span>
      {onRetry && (
        <button type="button" className="btn btn-small" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}

export function Loading() {
  const { t } = useT();
  return (
    <p className="muted" role="status">
      {t('common.loading')}
    </p>
  );
}
