import type { TFunction } from 'i18next';
import type { ApiError } from '../../electron/shared/errors';

/**
 * An error from the core in the person's language: by its code (with its params), falling
 * back to the core's own English message when this UI has no words for it.
 */
export function errorText(t: TFunction, error: ApiError): string {
  const params = { ...(error.params ?? {}), message: error.message };
  if (error.code === 'INTERNAL' && error.params?.reason === 'unreachable') return t('errors.unreachable', params);
  if (error.code === 'INTERNAL' && error.params?.reason === 'badReply') return t('errors.badReply', params);
  const key = `errors.${error.code}`;
  return t(key, { ...params, defaultValue: error.message });
}
