import { describe, expect, it } from 'vitest';
import { parseSource } from '../../electron/core/import/parse';

/**
 * A short line over a date line is as often the office that signs the page ("UNICEF México" over
 * "18 de febrero de 2025") as the story's own short title ("Floods in the east" over "Published
 * on 27 May 2013"). Where nothing else on the page can be the headline, a title in sentence case
 * is taken, marked doubtful; a name capitalised word by word, an office or a label never is.
 */
const page = (line: string) => `${line}\n\nPublished on 27 May 2013\n\nVolunteers were out on the evening of 3 May to help families whose homes were flooded in the east of the country.\n\nThe last clean-up operations ended on Friday, after ten days of work.\n`;

describe('a short line over the date line', () => {
  it.each(['Floods in the east', 'Inondations dans l’est', 'Lluvias en el norte'])('is the headline, doubtful, when it reads as a title: %s', async (line) => {
    const r = await parseSource({ name: 'page.txt', text: page(line) });
    expect(r.release.headline).toBe(line);
    expect(r.confidence.headline).toBe('doubtful');
    expect(r.warnings.map((w) => w.code)).toContain('IMPORT_HEADLINE_GUESSED');
  });

  it.each(['UNICEF México', 'Amnesty International', 'Oficina de prensa', 'Press office', 'Ministerio de Salud Pública'])('stays out of the headline when it signs the page: %s', async (line) => {
    const r = await parseSource({ name: 'page.txt', text: page(line) });
    expect(r.release.headline).toBeNull();
    expect(r.warnings.map((w) => w.code)).toContain('IMPORT_NO_HEADLINE');
  });
});
