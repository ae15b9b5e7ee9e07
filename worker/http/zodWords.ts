// A schema's own words (a regex's or a refinement's message) in English and Japanese. zod
// carries one string per issue, so the English is the key and the Japanese is looked up when
// the answer is worded for a Japanese reader (zodIssues).

const JAPANESE = new Map<string, string>();

/** The English message for zod, with its Japanese registered beside it. */
export function words(en: string, ja: string): string {
  JAPANESE.set(en, ja);
  return en;
}

/** The Japanese of a schema's own words, when they were written with `words`. */
export function japaneseOf(en: string): string | undefined {
  return JAPANESE.get(en);
}
