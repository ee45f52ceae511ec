import { rowNote, type RowNote } from '../../shared/contacts/row-notes';
import { DataProtectionSchema, IsoDateSchema, LEGAL_BASES, type DataProtection } from '../../shared/documents';

/**
 * The data-protection record in a contacts file, beside "Do not contact": one cell (CSV) or
 * property (vCard) per field, read back with the contact schema's own rules so that a record
 * exported comes back whole, and a value it cannot keep refuses the row, naming the column.
 */

export const DATA_PROTECTION_FIELDS = ['legalBasis', 'purpose', 'consentDate', 'consentSource', 'lastVerified'] as const;
export type DataProtectionField = (typeof DATA_PROTECTION_FIELDS)[number];
export type DataProtectionCells = Partial<Record<DataProtectionField, string>>;

/** legalBasis → X-DATELINE-LEGAL-BASIS: the vCard property that carries a field, vCard having none of its own. */
export const dataProtectionProperty = (f: DataProtectionField): string => `X-DATELINE-${f.replace(/[A-Z]/g, (c) => `-${c}`).toUpperCase()}`;

type LegalBasis = (typeof LEGAL_BASES)[number];
const isLegalBasis = (v: string): v is LegalBasis => (LEGAL_BASES as readonly string[]).includes(v);

/** One cell's value for its field, or why the row cannot be kept. A legal basis may be written "Legitimate interest". */
export function dataProtectionCell(field: DataProtectionField, cell: string, column: string): { value: string } | { note: RowNote } {
  if (field === 'legalBasis') {
    const v = cell.toLowerCase().replace(/[\s_]+/g, '-');
    if (isLegalBasis(v)) return { value: v };
    return { note: rowNote('BAD_LEGAL_BASIS', `"${cell}" is not a legal basis (consent, legitimate interest, public task, contract or other)`, { column, value: cell }) };
  }
  if (field === 'consentDate' || field === 'lastVerified') {
    if (IsoDateSchema.safeParse(cell).success) return { value: cell };
    return { note: rowNote('BAD_DATE', `"${cell}" is not a date written YYYY-MM-DD`, { column, value: cell }) };
  }
  if (DataProtectionSchema.shape[field].safeParse(cell).success) return { value: cell };
  return { note: rowNote('BAD_FIELD', `column "${column}" holds more text than Dateline keeps there`, { column }) };
}

/** The record the cells make, or null when the file said nothing about it. */
export function dataProtectionOf(cells: DataProtectionCells, doNotContact: boolean): DataProtection | null {
  if (!doNotContact && Object.keys(cells).length === 0) return null;
  const basis = cells.legalBasis;
  return {
    legalBasis: basis !== undefined && isLegalBasis(basis) ? basis : null,
    purpose: cells.purpose ?? null,
    consentDate: cells.consentDate ?? null,
    consentSource: cells.consentSource ?? null,
    doNotContact,
    lastVerified: cells.lastVerified ?? null,
  };
}
