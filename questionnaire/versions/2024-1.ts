// Starter definition of the JOB-monitor questionnaire. The full content arrives with its own issue;
// until it is published this version may still change.
import type { QuestionnaireInput } from '../index.ts';

const goodScale = [
  { value: 1, text: { nl: 'Heel slecht', en: 'Very poor' } },
  { value: 2, text: { nl: 'Slecht', en: 'Poor' } },
  { value: 3, text: { nl: 'Neutraal', en: 'Neutral' } },
  { value: 4, text: { nl: 'Goed', en: 'Good' } },
  { value: 5, text: { nl: 'Heel goed', en: 'Very good' } },
];
const nvt = { code: 'nvt', text: { nl: 'N.v.t.', en: 'N/A' } };

export default {
  id: '2024-1',
  title: { nl: 'JOB-monitor 2024', en: 'JOB monitor 2024' },
  pages: [
    {
      id: 'opleiding',
      title: { nl: 'Je opleiding', en: 'Your programme' },
      questions: [
        {
          id: 'leerjaar',
          type: 'single',
          text: { nl: 'In welk leerjaar zit je?', en: 'Which year of your programme are you in?' },
          options: [
            { code: 'j1', text: { nl: '1e jaar', en: '1st year' } },
            { code: 'j2', text: { nl: '2e jaar', en: '2nd year' } },
            { code: 'j3', text: { nl: '3e jaar', en: '3rd year' } },
            { code: 'j4', text: { nl: '4e jaar of hoger', en: '4th year or higher' } },
          ],
        },
        {
          id: 'opleiding_oordeel',
          type: 'grid',
          text: { nl: 'Wat vind je van je opleiding?', en: 'What do you think of your programme?' },
          items: [
            { id: 'algemeen', text: { nl: 'De opleiding in het algemeen', en: 'The programme in general' } },
            { id: 'voorbereiding', text: { nl: 'Hoe de opleiding je voorbereidt op je beroep', en: 'How the programme prepares you for your job' } },
          ],
          scale: goodScale,
        },
      ],
    },
    {
      id: 'lessen',
      title: { nl: 'Lessen', en: 'Lessons' },
      questions: [
        {
          id: 'lessen_oordeel',
          type: 'grid',
          text: { nl: 'Wat vind je van deze lessen?', en: 'What do you think of these lessons?' },
          items: [
            { id: 'nederlands', text: { nl: 'Nederlands', en: 'Dutch' } },
            { id: 'rekenen', text: { nl: 'Rekenen', en: 'Maths' } },
            { id: 'engels', text: { nl: 'Engels', en: 'English' } },
          ],
          scale: goodScale,
          optOuts: [nvt],
        },
        {
          id: 'lesuren',
          type: 'number',
          text: { nl: 'Hoeveel lesuren had je vorige week?', en: 'How many lesson hours did you have last week?' },
          min: 0,
          max: 60,
          unit: { nl: 'uur', en: 'hours' },
        },
      ],
    },
    {
      id: 'rapportcijfer',
      title: { nl: 'Rapportcijfers', en: 'Report grades' },
      questions: [
        { id: 'cijfer_opleiding', type: 'grade', text: { nl: 'Welk rapportcijfer geef je je opleiding?', en: 'What grade would you give your programme?' } },
        {
          id: 'corona_cijfer',
          type: 'single',
          showIf: { question: 'cijfer_opleiding', answered: true },
          text: {
            nl: 'Heeft de coronacrisis het cijfer dat je gaf lager of hoger gemaakt?',
            en: 'Did the corona crisis make the grade you gave lower or higher?',
          },
          options: [
            { code: 'lager', text: { nl: 'Lager', en: 'Lower' } },
            { code: 'geen_verschil', text: { nl: 'Geen verschil', en: 'No difference' } },
            { code: 'hoger', text: { nl: 'Hoger', en: 'Higher' } },
            { code: 'weet_niet', text: { nl: 'Weet ik niet', en: "Don't know" } },
          ],
        },
        {
          id: 'opmerkingen',
          type: 'open',
          text: { nl: 'Wil je nog iets kwijt over je opleiding of school?', en: 'Is there anything else you want to say about your programme or school?' },
          maxLength: 1000,
        },
      ],
    },
  ],
} satisfies QuestionnaireInput;
