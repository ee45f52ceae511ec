/**
 * The release the kit command-line tests start from, as `dateline release create --from -`
 * reads it: a Kasese release under embargo until 3 December 2099, 13:00 in Kampala.
 */
export const KASESE_RELEASE_JSON = JSON.stringify({
  headline: 'Clean water reaches Kasese',
  language: 'en',
  datelinePlace: 'Kampala',
  releaseDate: '2026-11-30',
  embargo: { at: '2099-12-03T10:00:00Z', timeZone: 'Africa/Kampala' },
  body: 'Twelve **boreholes** were completed.',
});
