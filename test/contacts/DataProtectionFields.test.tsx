// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import type { DataProtection } from '../../electron/shared/documents';
import { DataProtectionFields, NO_DATA_PROTECTION } from '../../renderer/contacts/DataProtectionFields';
import { setUpI18n } from '../../renderer/i18n';

/** The data-protection part of the contact page: each field reaches its own place in the record. */

afterEach(() => cleanup());

let record: DataProtection = NO_DATA_PROTECTION;

function Form() {
  const [value, setValue] = useState<DataProtection>(NO_DATA_PROTECTION);
  return (
    <DataProtectionFields
      idPrefix="dp"
      value={value}
      outdated={false}
      today="2026-12-06"
      onChange={(v) => {
        record = v;
        setValue(v);
      }}
    />
  );
}

const type = (label: string, text: string) => fireEvent.change(screen.getByLabelText(label), { target: { value: text } });

describe('the data-protection fields', () => {
  it('writes each field to its own place in the record, and a text left blank as not set', () => {
    render(
      <I18nextProvider i18n={setUpI18n('en')}>
        <Form />
      </I18nextProvider>,
    );
    fireEvent.change(screen.getByLabelText('Legal basis'), { target: { value: 'consent' } });
    type('Purpose', 'Press releases on health');
    type('Where consent was given', 'Form at the Nairobi launch');
    type('Date of consent', '2026-03-01');
    fireEvent.click(screen.getByRole('button', { name: 'Verified today' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Do not contact' }));
    expect(record).toEqual({
      legalBasis: 'consent',
      purpose: 'Press releases on health',
      consentDate: '2026-03-01',
      consentSource: 'Form at the Nairobi launch',
      doNotContact: true,
      lastVerified: '2026-12-06',
    });
    expect((screen.getByLabelText('Last verified') as HTMLInputElement).value).not.toBe('');

    type('Purpose', '   ');
    type('Where consent was given', '');
    type('Last verified', '');
    expect(record).toEqual({ legalBasis: 'consent', purpose: null, consentDate: '2026-03-01', consentSource: null, doNotContact: true, lastVerified: null });
  });
});
