import { describe, expect, it } from 'vitest';
import { WARNING_CODES } from '../../electron/shared/warnings';
import { extractRelease } from '../../electron/core/import/extract';
import { setUpI18n, UI_LANGUAGES } from '../../renderer/i18n';
import { warningText } from '../../renderer/i18n/warnings';

describe('warnings in the person’s language', () => {
  it('has words for every warning code in every language', () => {
    for (const lng of UI_LANGUAGES) {
      const i18n = setUpI18n(lng);
      for (const code of WARNING_CODES) expect(i18n.exists(`warnings.${code}`), `${lng} ${code}`).toBe(true);
    }
  });

  it('turns an importer warning into French and Arabic by its code and params', () => {
    const { warnings } = extractRelease([
      { hint: 'p', group: 0, text: 'Water returns to Kasese' },
      { hint: 'p', group: 1, text: 'EMBARGOED UNTIL WHENEVER THE MINISTER SPEAKS' },
      { hint: 'p', group: 2, text: 'GENEVA – Aid reached the valley on Tuesday, the organisation said.' },
    ]);
    const embargo = warnings.find((w) => w.code === 'IMPORT_EMBARGO_UNREAD');
    expect(embargo?.params?.line).toMatch(/WHENEVER THE MINISTER/);
    const fr = setUpI18n('fr');
    expect(warningText(fr.t.bind(fr), embargo!)).toMatch(/^La mention d’embargo « EMBARGOED UNTIL WHENEVER .* » ne contient aucune date/);
    const ar = setUpI18n('ar');
    expect(warningText(ar.t.bind(ar), embargo!)).toMatch(/^لا يتضمن سطر حظر النشر «\u2068EMBARGOED/);
  });

  it('falls back to the English message for a code this window does not know', () => {
    const es = setUpI18n('es');
    expect(warningText(es.t.bind(es), { code: 'SOMETHING_NEWER' as never, message: 'A newer core said this.' })).toBe('A newer core said this.');
  });
});
