export interface Choice {
  value: string;
  label: string;
}

/**
 * A labelled drop-down. `none` adds a first choice with the empty value ("Any", "None"), which
 * the caller reads as "no filter" or null.
 */
export function SelectField({
  id,
  label,
  value,
  choices,
  none,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  choices: readonly Choice[];
  none?: string;
  onChange: (value: string) => void;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {none !== undefined && <option value="">{none}</option>}
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The offices as choices, by name. */
export const officeChoices = (offices: readonly { id: string; name: string }[]): Choice[] => offices.map((o) => ({ value: o.id, label: o.name }));

/** The office a record belongs to: the offices by name, and `none` first, which stands for no office (null). */
export function OfficeField({
  id,
  label,
  office,
  offices,
  none,
  onChange,
}: {
  id: string;
  label: string;
  office: string | null | undefined;
  offices: readonly { id: string; name: string }[];
  none: string;
  onChange: (office: string | null) => void;
}) {
  return <SelectField id={id} label={label} value={office ?? ''} choices={officeChoices(offices)} none={none} onChange={(value) => onChange(value || null)} />;
}
