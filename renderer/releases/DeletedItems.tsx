import { useTranslation } from 'react-i18next';
import type { DeletedItem } from '../../electron/shared/contract';
import { useDates } from '../i18n/useDates';

/**
 * The contacts, outlets, kits and attachments in the trash, as a table whose every column says
 * what it holds: kind, name, who deleted it, when; each row restores its own item.
 */
export function DeletedItems({
  items,
  total,
  onRestore,
  buttons,
}: {
  items: DeletedItem[];
  total: number;
  onRestore: (item: DeletedItem, index: number) => void;
  buttons: Map<string, HTMLButtonElement>;
}) {
  const { t } = useTranslation();
  const dates = useDates();
  return (
    <>
      <table className="table trash-table">
        <caption className="visually-hidden">{t('trash.othersTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('trash.colKind')}</th>
            <th scope="col">{t('trash.colName')}</th>
            <th scope="col">{t('trash.colDeletedBy')}</th>
            <th scope="col">{t('trash.colDeletedAt')}</th>
            <th scope="col">{t('trash.colAction')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item, index) => {
            const name = item.name || t('common.untitled');
            return (
              <tr key={item.id}>
                <td>{t(`docType.${item.type}`, { count: 1 })}</td>
                <td dir="auto">{name}</td>
                <td>
                  <bdi>{item.deletedBy}</bdi>
                </td>
                <td>{dates.dateTime(item.deletedAt)}</td>
                <td>
                  <button
                    ref={(el) => {
                      if (el) buttons.set(item.id, el);
                      else buttons.delete(item.id);
                    }}
                    type="button"
                    onClick={() => onRestore(item, index)}
                    aria-label={t('trash.restoreItem', { kind: t(`docType.${item.type}`, { count: 1 }), name })}>
                    {t('lifecycle.restore')}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {total > items.length && <p className="muted">{t('trash.othersMore', { shown: items.length, count: total })}</p>}
    </>
  );
}
