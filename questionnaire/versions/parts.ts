// Building blocks shared by the questionnaire versions: texts, the 5-point scales and the opt-outs.
// Published versions are hash-locked, so an edit here that changes a published version fails the build.
import type { Text } from '../schema.ts';

export const t = (nl: string, en: string): Text => ({ nl, en });

/** heel slecht ... heel goed */
export const goodScale = [
  { value: 1, text: t('Heel slecht', 'Very poor') },
  { value: 2, text: t('Slecht', 'Poor') },
  { value: 3, text: t('Niet slecht, niet goed', 'Neither poor nor good') },
  { value: 4, text: t('Goed', 'Good') },
  { value: 5, text: t('Heel goed', 'Very good') },
];

/** helemaal oneens ... helemaal eens */
export const agreeScale = [
  { value: 1, text: t('Helemaal oneens', 'Strongly disagree') },
  { value: 2, text: t('Oneens', 'Disagree') },
  { value: 3, text: t('Niet oneens, niet eens', 'Neither disagree nor agree') },
  { value: 4, text: t('Eens', 'Agree') },
  { value: 5, text: t('Helemaal eens', 'Strongly agree') },
];

export const nvt = { code: 'nvt', text: t('N.v.t.', 'N/A') };
export const weetNiet = { code: 'weet_niet', text: t('Weet ik niet', "Don't know") };

/** Grid items from [id, nl, en] triples, to keep long grids readable. */
export const items = (...rows: [string, string, string][]) => rows.map(([id, nl, en]) => ({ id, text: t(nl, en) }));

/** Options from [code, nl, en] triples; a fourth element `true` marks an opt-out answer. */
export const options = (...rows: ([string, string, string] | [string, string, string, true])[]) =>
  rows.map(([code, nl, en, optOut]) => (optOut ? { code, text: t(nl, en), optOut } : { code, text: t(nl, en) }));
