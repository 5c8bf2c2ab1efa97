// The demo institution module: a few extra questions of Demo ROC Noordwaarts (99DM), so `npm start` shows the
// feature. Imported through the same check as a real module file.
export const DEMO_MODULE_BRIN = '99DM';

export const demoModule = {
  id: '99DM-1',
  title: { nl: 'Vragen van Demo ROC Noordwaarts', en: 'Questions from Demo ROC Noordwaarts' },
  pages: [
    {
      id: 'i_noordwaarts',
      title: { nl: 'Vragen van je school', en: 'Questions from your school' },
      intro: {
        nl: 'Je school stelt nog een paar eigen vragen. Alleen studenten van Demo ROC Noordwaarts zien deze vragen.',
        en: 'Your school asks a few questions of its own. Only students of Demo ROC Noordwaarts see them.',
      },
      questions: [
        {
          id: 'i_studieplein',
          type: 'grid',
          text: { nl: 'Wat vind je van het nieuwe studieplein?', en: 'What do you think of the new study area?' },
          items: [
            { id: 'rust', text: { nl: 'De rust om te werken', en: 'How quiet it is to work' } },
            { id: 'plekken', text: { nl: 'Het aantal werkplekken', en: 'The number of workplaces' } },
          ],
          scale: [
            { value: 1, text: { nl: 'Heel slecht', en: 'Very poor' } },
            { value: 2, text: { nl: 'Slecht', en: 'Poor' } },
            { value: 3, text: { nl: 'Niet slecht, niet goed', en: 'Neither poor nor good' } },
            { value: 4, text: { nl: 'Goed', en: 'Good' } },
            { value: 5, text: { nl: 'Heel goed', en: 'Very good' } },
          ],
          optOuts: [{ code: 'nvt', text: { nl: 'Ik kom er niet', en: "I don't go there" } }],
        },
        {
          id: 'i_app',
          type: 'single',
          text: { nl: 'Gebruik je de Noordwaarts-app voor je rooster?', en: 'Do you use the Noordwaarts app for your timetable?' },
          options: [
            { code: 'ja', text: { nl: 'Ja', en: 'Yes' } },
            { code: 'nee', text: { nl: 'Nee', en: 'No' } },
          ],
        },
        {
          id: 'i_app_tip',
          type: 'open',
          showIf: { question: 'i_app', in: ['ja'] },
          text: { nl: 'Wat kan er beter aan de app?', en: 'What could be better about the app?' },
          maxLength: 500,
        },
      ],
    },
  ],
};
