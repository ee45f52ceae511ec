import { CHANNEL_VISIBILITIES, type ChannelVisibility } from '../../electron/shared/documents';
import { SelectField } from '../ui/SelectField';
export interface TypedEntry<K extends string> {
  type: K;
  value: string;
  /** Who may see it: a kit prints it only for an audience allowed to. */
  visibility: ChannelVisibility;
}

/**
 * A list of typed contact details (work e-mail, mobile phone...): a type and a value per row,
 * rows added and removed by the person. One component for e-mails and phones alike.
 */
export function TypedEntries<K extends string>({
  legend,
  idPrefix,
  entries,
  types,
  typeName,
  inputType,
  labels,
  blank,
  visibilityName,
  onChange,
}: {
  legend: string;
  idPrefix: string;
  entries: TypedEntry<K>[];
  types: readonly K[];
  typeName: (type: K) => string;
  inputType: 'email' | 'tel';
  labels: { type: (n: number) => string; value: (n: number) => string; visibility: (n: number) => string; remove: (n: number) => string; add: string };
  visibilityName: (v: ChannelVisibility) => string;
  blank: TypedEntry<K>;
  onChange: (entries: TypedEntry<K>[]) => void;
}) {
  const put = (i: number, patch: Partial<TypedEntry<K>>) => onChange(entries.map((e, j) => (j === i ? { ...e, ...patch } : e)));
  return (
    <fieldset>
      <legend>{legend}</legend>
      {entries.map((entry, i) => (
        <div className="row" key={i}>
          <SelectField
            id={`${idPrefix}-${i}-type`}
            label={labels.type(i + 1)}
            value={entry.type}
            choices={types.map((k) => ({ value: k, label: typeName(k) }))}
            onChange={(type) => put(i, { type: type as K })}
          />
          <div className="field grow">
            <label htmlFor={`${idPrefix}-${i}`}>{labels.value(i + 1)}</label>
            {/* Addresses and numbers read left to right in every language. */}
            <input id={`${idPrefix}-${i}`} type={inputType} dir="ltr" value={entry.value} onChange={(e) => put(i, { value: e.target.value })} />
          </div>
          <SelectField
            id={`${idPrefix}-${i}-visibility`}
            label={labels.visibility(i + 1)}
            value={entry.visibility}
            choices={CHANNEL_VISIBILITIES.map((v) => ({ value: v, label: visibilityName(v) }))}
            onChange={(v) => put(i, { visibility: v as ChannelVisibility })}
          />
          <button type="button" className="link-button" onClick={() => onChange(entries.filter((_, j) => j !== i))}>
            {labels.remove(i + 1)}
          </button>
        </div>
      ))}
      <button type="button" onClick={() => onChange([...entries, blank])}>
        {labels.add}
      </button>
    </fieldset>
  );
}
