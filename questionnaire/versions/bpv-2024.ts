// The internship (bpv) block of the 2024 questionnaires, in two wordings: the internship for BOL students and
// the workplace (leerbedrijf) for BBL students. Both only for students who did or do their bpv this year.
import type { Condition } from '../schema.ts';
import { goodScale, items, nvt, options, t } from './parts.ts';

const didBpv: Condition = { question: 'bpv_gedaan', in: ['ja_nu', 'ja_eerder'] };
const isBbl: Condition = { context: 'leerweg', in: ['BBL'] };

export function bpvPage(variant: 'bol' | 'bbl') {
  const bbl = variant === 'bbl';
  const p = bbl ? 'bbl' : 'bpv';
  const place = bbl ? t('je leerbedrijf', 'your workplace') : t('je stage', 'your internship');
  const at = bbl ? t('op je leerbedrijf', 'at your workplace') : t('op je stage', 'at your internship');
  return {
    id: bbl ? 'leerbedrijf' : 'bpv',
    title: bbl ? t('Je leerbedrijf (bpv)', 'Your workplace (work placement)') : t('Je stage (bpv)', 'Your internship (work placement)'),
    intro: bbl
      ? t('Deze vragen gaan over het bedrijf waar je werkt en leert.', 'These questions are about the company where you work and learn.')
      : t('Deze vragen gaan over je stage van dit schooljaar.', "These questions are about this school year's internship."),
    showIf: { all: [didBpv, bbl ? isBbl : { not: isBbl }] },
    questions: [
      {
        id: `${p}_oordeel`,
        type: 'grid' as const,
        text: t(`Wat vind je van ${place.nl}?`, `What do you think of ${place.en}?`),
        items: items(
          ['zoeken', bbl ? 'De hulp van school bij het vinden van een leerbedrijf' : 'De hulp van school bij het vinden van een stage', bbl ? 'The help from school in finding a workplace' : 'The help from school in finding an internship'],
          ['voorbereiding', `Hoe school je voorbereidt op het werk ${at.nl}`, `How school prepares you for the work ${at.en}`],
          ['begeleiding_school', 'De begeleiding vanuit school', 'The guidance from school'],
          ['begeleiding_bedrijf', `De begeleiding door je praktijkopleider ${at.nl}`, `The guidance from your supervisor ${at.en}`],
          ['leren', `Wat je leert ${at.nl}`, `What you learn ${at.en}`],
          ['aansluiting', `Hoe ${place.nl} past bij je opleiding`, `How ${place.en} fits your programme`],
          ['beoordeling', `Hoe je beoordeeld wordt ${at.nl}`, `How you are assessed ${at.en}`],
        ),
        scale: goodScale,
        optOuts: [nvt],
      },
      {
        id: `${p}_discriminatie`,
        type: 'single' as const,
        text: t(
          `Ben je bij het zoeken naar ${place.nl} of ${at.nl} gediscrimineerd?`,
          `Were you discriminated against while looking for ${place.en} or ${at.en}?`,
        ),
        help: t(
          'Discriminatie is anders behandeld worden, bijvoorbeeld om je afkomst, geloof, geslacht, seksuele voorkeur of een beperking.',
          'Discrimination means being treated differently, for example because of your background, religion, gender, sexual orientation or a disability.',
        ),
        options: options(['nee', 'Nee', 'No'], ['ja', 'Ja', 'Yes'], ['zeg_niet', 'Dat zeg ik liever niet', "I'd rather not say", true]),
      },
      {
        id: `${p}_discriminatie_grond`,
        type: 'multi' as const,
        showIf: { question: `${p}_discriminatie`, in: ['ja'] },
        text: t('Waarom werd je volgens jou gediscrimineerd? Je kunt meer antwoorden kiezen.', 'Why do you think you were discriminated against? You can choose more than one answer.'),
        options: options(
          ['afkomst', 'Mijn afkomst of huidskleur', 'My background or skin colour'],
          ['geloof', 'Mijn geloof', 'My religion'],
          ['geslacht', 'Mijn geslacht', 'My gender'],
          ['seksualiteit', 'Mijn seksuele voorkeur', 'My sexual orientation'],
          ['beperking', 'Een beperking of ziekte', 'A disability or illness'],
          ['anders', 'Iets anders', 'Something else'],
        ),
      },
      {
        id: `${p}_discriminatie_melding`,
        type: 'single' as const,
        showIf: { question: `${p}_discriminatie`, in: ['ja'] },
        text: t('Heb je dit gemeld bij school?', 'Did you report this to your school?'),
        options: options(
          ['ja_geholpen', 'Ja, en school heeft me goed geholpen', 'Yes, and school helped me well'],
          ['ja_niet_geholpen', 'Ja, maar school heeft me niet goed geholpen', "Yes, but school didn't help me well"],
          ['nee', 'Nee', 'No'],
        ),
      },
    ],
  };
}
