import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../electron/shared/errors';
import { FILE_POLICIES, type FilePolicy } from '../../electron/shared/sync/contract';
import { useClient } from '../client/context';
import { ErrorMessage } from '../ui/ErrorMessage';
import { SelectField } from '../ui/SelectField';
import { useCall } from '../ui/useCall';

/** When attachment files come down to this computer (always / when opened / never): this device's own setting, saved at once. */
export function FilesPolicyField() {
  const { t } = useTranslation();
  const client = useClient();
  const current = useCall('sync.filesPolicy', {}, 'files-policy');
  const [chosen, setChosen] = useState<FilePolicy | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  if (current.status === 'error') return <ErrorMessage error={current.error} />;
  if (current.status !== 'ok') return null;

  const choose = async (policy: FilePolicy) => {
    setError(null);
    const res = await client.call('sync.setFilesPolicy', { policy });
    if (res.ok) setChosen(res.value);
    else setError(res.error);
  };

  // Set apart from the server's form above it: chosen here, it is saved at once, not by that form's Save.
  return (
    <div className="files-policy">
      <SelectField
        id="sync-files-policy"
        label={t('sync.filesPolicy')}
        value={chosen ?? current.value}
        choices={FILE_POLICIES.map((p) => ({ value: p, label: t(`sync.filesPolicyChoice.${p}`) }))}
        onChange={(p) => void choose(p as FilePolicy)}
      />
      <p className="hint">{t('sync.filesPolicyHint')}</p>
      {error && <ErrorMessage error={error} />}
    </div>
  );
}
