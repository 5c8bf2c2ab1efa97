// The JOB-monitor questionnaire 2024, first published version. PUBLISHED: do not edit; a change is a new version
// (see 2024-2.ts). Texts are our own wording of the JOB-monitor themes, Dutch first.
import type { QuestionnaireInput } from '../index.ts';
import { agreeScale, goodScale, items, nvt, options, t, weetNiet } from './parts.ts';
import { bpvPage } from './bpv-2024.ts';

const gaveGrade = (question: string) => ({ question, in: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] });

export default {
  id: '2024-1',
  title: t('JOB-monitor 2024', 'JOB monitor 2024'),
  pages: [
    {
      id: 'opleiding',
      title: t('Je opleiding', 'Your programme'),
      questions: [
        {
          id: 'leerjaar',
          type: 'single',
          text: t('In welk leerjaar van je opleiding zit je?', 'Which year of your programme are you in?'),
          options: options(['j1', '1e jaar', '1st year'], ['j2', '2e jaar', '2nd year'], ['j3', '3e jaar', '3rd year'], ['j4', '4e jaar of hoger', '4th year or higher']),
        },
        {
          id: 'bpv_gedaan',
          type: 'single',
          text: t(
            'Loop je dit schooljaar stage of werk je bij een leerbedrijf (bpv)?',
            'Are you doing an internship or working at a company as part of your programme (work placement) this school year?',
          ),
          options: options(['ja_nu', 'Ja, nu', 'Yes, now'], ['ja_eerder', 'Ja, eerder dit schooljaar', 'Yes, earlier this school year'], ['nee', 'Nee, nog niet', 'No, not yet']),
        },
        {
          id: 'opleiding_oordeel',
          type: 'grid',
          text: t('Wat vind je van je opleiding?', 'What do you think of your programme?'),
          items: items(
            ['algemeen', 'De opleiding in het algemeen', 'The programme in general'],
            ['inhoud', 'Wat je leert in je opleiding', 'What you learn in your programme'],
            ['beroep', 'Hoe de opleiding je voorbereidt op je beroep', 'How the programme prepares you for your job'],
            ['vervolg', 'Hoe de opleiding je voorbereidt op een vervolgopleiding', 'How the programme prepares you for further study'],
            ['uitdaging', 'Hoeveel uitdaging de opleiding je geeft', 'How much the programme challenges you'],
          ),
          scale: goodScale,
        },
        {
          id: 'opleiding_aanraden',
          type: 'single',
          text: t('Zou je je opleiding aanraden aan een vriend of vriendin?', 'Would you recommend your programme to a friend?'),
          options: options(['ja', 'Ja', 'Yes'], ['misschien', 'Misschien', 'Maybe'], ['nee', 'Nee', 'No']),
        },
      ],
    },
    {
      id: 'lessen',
      title: t('Je lessen', 'Your lessons'),
      questions: [
        {
          id: 'lessen_vakken',
          type: 'grid',
          text: t('Wat vind je van de lessen in deze vakken?', 'What do you think of the lessons in these subjects?'),
          help: t('Kies n.v.t. als je dit vak niet hebt.', "Choose N/A if you don't have this subject."),
          items: items(
            ['nederlands', 'Nederlands', 'Dutch'],
            ['rekenen', 'Rekenen', 'Maths'],
            ['engels', 'Engels', 'English'],
            ['praktijk', 'Praktijkvakken', 'Practical subjects'],
            ['beroep', 'Theorievakken van je beroep', 'Theory subjects of your trade'],
          ),
          scale: goodScale,
          optOuts: [nvt],
        },
        {
          id: 'theorie_praktijk',
          type: 'grid',
          text: t('In hoeverre ben je het eens met deze uitspraken?', 'How much do you agree with these statements?'),
          items: items(
            ['aansluiting', 'De theorie past goed bij de praktijkvakken', 'The theory fits the practical subjects well'],
            ['toepassen', 'Wat ik in de les leer, kan ik gebruiken in de praktijk', 'What I learn in class I can use in practice'],
            ['afwisseling', 'De lessen zijn afwisselend', 'The lessons are varied'],
            ['niveau', 'De lessen hebben het goede niveau voor mij', 'The lessons are at the right level for me'],
          ),
          scale: agreeScale,
        },
        {
          id: 'lesuren',
          type: 'number',
          text: t('Hoeveel lesuren had je vorige week op school of online?', 'How many lesson hours did you have last week, at school or online?'),
          help: t('Tel alleen de lessen die echt doorgingen, zonder stage.', 'Count only lessons that actually took place, not your work placement.'),
          min: 0,
          max: 60,
          unit: t('uur', 'hours'),
        },
        {
          id: 'online_gehad',
          type: 'single',
          text: t('Heb je dit schooljaar online of hybride les gehad?', 'Have you had online or hybrid lessons this school year?'),
          help: t('Hybride: een deel van de klas is in het lokaal en een deel doet online mee.', 'Hybrid: part of the class is in the classroom and part joins online.'),
          options: options(['vaak', 'Ja, vaak', 'Yes, often'], ['soms', 'Ja, soms', 'Yes, sometimes'], ['nee', 'Nee', 'No']),
        },
      ],
    },
    {
      id: 'docenten',
      title: t('Je docenten', 'Your teachers'),
      questions: [
        {
          id: 'docenten',
          type: 'grid',
          text: t('Wat vind je van je docenten? De meeste van mijn docenten ...', 'What do you think of your teachers? Most of my teachers ...'),
          items: items(
            ['vakkennis', '... weten veel van hun vak', '... know their subject well'],
            ['uitleg', '... leggen de stof goed uit', '... explain the material well'],
            ['praktijk', '... weten hoe het er in de praktijk aan toe gaat', '... know what the work is like in practice'],
            ['respect', '... gaan met respect met studenten om', '... treat students with respect'],
            ['bereikbaar', '... zijn goed bereikbaar als ik een vraag heb', '... are easy to reach when I have a question'],
            ['feedback', '... vertellen me wat ik beter kan doen', '... tell me what I can do better'],
            ['op_tijd', '... beginnen hun lessen op tijd', '... start their lessons on time'],
          ),
          scale: agreeScale,
          optOuts: [weetNiet],
        },
      ],
    },
    {
      id: 'materiaal',
      title: t('Lesmateriaal en toetsen', 'Study materials and tests'),
      questions: [
        {
          id: 'materiaal_oordeel',
          type: 'grid',
          text: t('Wat vind je van het lesmateriaal?', 'What do you think of the study materials?'),
          items: items(
            ['boeken', 'De boeken en readers', 'The books and readers'],
            ['digitaal', 'De digitale leeromgeving en online lesmateriaal', 'The digital learning environment and online materials'],
            ['actueel', 'Hoe actueel het lesmateriaal is', 'How up to date the materials are'],
          ),
          scale: goodScale,
          optOuts: [nvt],
        },
        {
          id: 'ongebruikt_materiaal',
          type: 'single',
          text: t(
            'Heb je dit schooljaar boeken of licenties moeten kopen die je (bijna) niet hebt gebruikt?',
            'Did you have to buy books or licences this school year that you (almost) never used?',
          ),
          options: options(
            ['nee', 'Nee', 'No'],
            ['boeken', 'Ja, boeken', 'Yes, books'],
            ['licenties', 'Ja, licenties', 'Yes, licences'],
            ['beide', 'Ja, boeken en licenties', 'Yes, books and licences'],
            ['weet_niet', 'Weet ik niet', "Don't know", true],
          ),
        },
        {
          id: 'toetsen',
          type: 'grid',
          text: t('In hoeverre ben je het eens met deze uitspraken over toetsen?', 'How much do you agree with these statements about tests?'),
          items: items(
            ['aansluiting', 'De toetsen gaan over wat we in de lessen hebben gehad', 'Tests cover what we did in the lessons'],
            ['duidelijk', 'Ik weet van tevoren wat er getoetst wordt', 'I know beforehand what will be tested'],
            ['uitslag', 'Ik krijg mijn cijfers op tijd', 'I get my marks on time'],
            ['spreiding', 'De toetsen zijn goed over het jaar verdeeld', 'Tests are spread well over the year'],
            ['herkansing', 'De regels voor herkansingen zijn duidelijk', 'The rules for resits are clear'],
          ),
          scale: agreeScale,
          optOuts: [weetNiet],
        },
      ],
    },
    {
      id: 'informatie',
      title: t('Informatie', 'Information'),
      questions: [
        {
          id: 'informatie',
          type: 'grid',
          text: t('Wat vind je van de informatie die je van school krijgt over ...', 'What do you think of the information you get from school about ...'),
          items: items(
            ['rooster', '... je rooster', '... your timetable'],
            ['wijzigingen', '... wijzigingen in je rooster en lesuitval', '... timetable changes and cancelled lessons'],
            ['schoolkosten', '... de schoolkosten (boeken, materiaal, excursies)', '... school costs (books, materials, trips)'],
            ['vrijwillig', '... welke kosten vrijwillig zijn', '... which costs are voluntary'],
            ['examens', '... je examens', '... your exams'],
            ['klachten', '... waar je terechtkunt met een klacht', '... where you can go with a complaint'],
            ['inspraak', '... hoe je mee kunt praten over je opleiding (bijvoorbeeld de studentenraad)', '... how you can have a say in your programme (for example the student council)'],
          ),
          scale: goodScale,
        },
      ],
    },
    {
      id: 'begeleiding',
      title: t('Begeleiding', 'Guidance'),
      questions: [
        {
          id: 'begeleiding',
          type: 'grid',
          text: t('Wat vind je van de begeleiding op school?', 'What do you think of the guidance at school?'),
          items: items(
            ['voortgang', 'De gesprekken over hoe het gaat met je studie', 'The talks about how your studies are going'],
            ['slb', 'Je mentor of studieloopbaanbegeleider', 'Your mentor or study career coach'],
            ['persoonlijk', 'De hulp bij persoonlijke problemen', 'The help with personal problems'],
            ['extra', 'De extra ondersteuning als je die nodig hebt', 'The extra support when you need it'],
            ['werk', 'De voorbereiding op werk na je opleiding', 'The preparation for work after your programme'],
            ['vervolgstudie', 'De informatie over een vervolgopleiding', 'The information about further study'],
          ),
          scale: goodScale,
          optOuts: [nvt],
        },
        {
          id: 'na_diploma',
          type: 'single',
          text: t('Wat wil je gaan doen na je diploma?', 'What do you want to do after your diploma?'),
          options: options(
            ['werken', 'Werken', 'Work'],
            ['mbo', 'Een andere mbo-opleiding', 'Another MBO programme'],
            ['hbo', 'Naar het hbo', 'Higher professional education (HBO)'],
            ['anders', 'Iets anders', 'Something else'],
            ['weet_niet', 'Weet ik nog niet', "I don't know yet", true],
          ),
        },
      ],
    },
    bpvPage('bol'),
    bpvPage('bbl'),
    {
      id: 'keuzedelen',
      title: t('Keuzedelen', 'Electives'),
      questions: [
        {
          id: 'keuzedelen',
          type: 'grid',
          text: t('Wat vind je van de keuzedelen?', 'What do you think of the electives?'),
          items: items(
            ['aanbod', 'De keuzedelen waaruit je kunt kiezen', 'The electives you can choose from'],
            ['informatie', 'De informatie over de keuzedelen', 'The information about the electives'],
            ['aansluiting', 'Hoe de keuzedelen passen bij wat je later wilt', 'How the electives fit what you want to do later'],
          ),
          scale: goodScale,
          optOuts: [{ code: 'geen_keuze', text: t('Ik kan geen keuzedelen kiezen', "I can't choose electives") }],
        },
        {
          id: 'keuzedeel_gekregen',
          type: 'single',
          text: t('Kon je de keuzedelen volgen die je het liefst wilde?', 'Could you take the electives you wanted most?'),
          options: options(['ja', 'Ja', 'Yes'], ['deels', 'Een deel', 'Some of them'], ['nee', 'Nee', 'No'], ['nog_niet', 'Ik heb nog niet gekozen', "I haven't chosen yet", true]),
        },
      ],
    },
    {
      id: 'online',
      title: t('Online en hybride lessen', 'Online and hybrid lessons'),
      showIf: { question: 'online_gehad', in: ['vaak', 'soms'] },
      questions: [
        {
          id: 'online_oordeel',
          type: 'grid',
          text: t('Wat vind je van de online en hybride lessen?', 'What do you think of the online and hybrid lessons?'),
          items: items(
            ['kwaliteit', 'De lessen zelf', 'The lessons themselves'],
            ['techniek', 'Of de techniek (beeld, geluid, verbinding) werkt', 'Whether the technology (video, sound, connection) works'],
            ['contact_docent', 'Het contact met je docent', 'The contact with your teacher'],
            ['contact_klas', 'Het contact met je klasgenoten', 'The contact with your classmates'],
            ['meedoen', 'Hoe goed je kunt meedoen als je online bent', 'How well you can take part when you are online'],
          ),
          scale: goodScale,
        },
        {
          id: 'online_voorkeur',
          type: 'single',
          text: t('Hoe krijg je het liefst les?', 'How do you prefer to be taught?'),
          options: options(['school', 'Op school', 'At school'], ['online', 'Online', 'Online'], ['mix', 'Een mix van allebei', 'A mix of both'], ['geen_voorkeur', 'Geen voorkeur', 'No preference', true]),
        },
      ],
    },
    {
      id: 'sfeer',
      title: t('Sfeer en veiligheid', 'Atmosphere and safety'),
      questions: [
        {
          id: 'sfeer',
          type: 'grid',
          text: t('In hoeverre ben je het eens met deze uitspraken?', 'How much do you agree with these statements?'),
          items: items(
            ['thuis', 'Ik voel me thuis op school', 'I feel at home at school'],
            ['klas', 'Er is een goede sfeer in mijn klas', 'There is a good atmosphere in my class'],
            ['jezelf', 'Ik kan op school mezelf zijn', 'I can be myself at school'],
            ['respect', 'Studenten gaan met respect met elkaar om', 'Students treat each other with respect'],
            ['veilig_school', 'Ik voel me veilig op school', 'I feel safe at school'],
            ['veilig_omgeving', 'Ik voel me veilig rond het schoolgebouw', 'I feel safe around the school building'],
            ['aanpak', 'School doet genoeg tegen pesten en discriminatie', 'School does enough against bullying and discrimination'],
          ),
          scale: agreeScale,
        },
        {
          id: 'gepest',
          type: 'single',
          text: t('Ben je dit schooljaar op school gepest, bedreigd of gediscrimineerd?', 'Have you been bullied, threatened or discriminated against at school this school year?'),
          options: options(['nee', 'Nee', 'No'], ['ja', 'Ja', 'Yes'], ['zeg_niet', 'Dat zeg ik liever niet', "I'd rather not say", true]),
        },
        {
          id: 'gepest_gemeld',
          type: 'single',
          showIf: { question: 'gepest', in: ['ja'] },
          text: t('Heb je dit gemeld bij iemand van school?', 'Did you report this to someone at school?'),
          options: options(
            ['ja_geholpen', 'Ja, en ik ben goed geholpen', 'Yes, and I was helped well'],
            ['ja_niet_geholpen', 'Ja, maar ik ben niet goed geholpen', "Yes, but I wasn't helped well"],
            ['nee', 'Nee', 'No'],
          ),
        },
      ],
    },
    {
      id: 'voorzieningen',
      title: t('Voorzieningen', 'Facilities'),
      questions: [
        {
          id: 'voorzieningen',
          type: 'grid',
          text: t('Wat vind je van deze voorzieningen op je school?', 'What do you think of these facilities at your school?'),
          items: items(
            ['gebouw', 'Het schoolgebouw', 'The school building'],
            ['lokalen', 'De lokalen', 'The classrooms'],
            ['praktijkruimtes', 'De praktijklokalen en werkplaatsen', 'The practical rooms and workshops'],
            ['studieplekken', 'De plekken om zelf te studeren', 'The places to study on your own'],
            ['kantine', 'De kantine (eten en drinken)', 'The canteen (food and drink)'],
            ['wifi', 'De wifi', 'The Wi-Fi'],
            ['computers', 'De computers en laptops van school', "The school's computers and laptops"],
            ['ict_hulp', 'De hulp bij problemen met ICT', 'The help with IT problems'],
          ),
          scale: goodScale,
          optOuts: [nvt],
        },
      ],
    },
    {
      id: 'rapportcijfer',
      title: t('Rapportcijfers', 'Report grades'),
      questions: [
        {
          id: 'cijfer_opleiding',
          type: 'grade',
          text: t('Welk rapportcijfer geef je je opleiding? (1 = heel slecht, 10 = uitstekend)', 'What grade would you give your programme? (1 = very poor, 10 = excellent)'),
          optOuts: [weetNiet],
        },
        {
          id: 'cijfer_school',
          type: 'grade',
          text: t('Welk rapportcijfer geef je je school?', 'What grade would you give your school?'),
          optOuts: [weetNiet],
        },
        {
          id: 'corona_cijfer',
          type: 'single',
          showIf: { any: [gaveGrade('cijfer_opleiding'), gaveGrade('cijfer_school')] },
          text: t(
            'Heeft de coronacrisis invloed gehad op de cijfers die je net gaf?',
            'Did the corona crisis affect the grades you just gave?',
          ),
          options: options(
            ['lager', 'Ja, mijn cijfers zijn daardoor lager', 'Yes, my grades are lower because of it'],
            ['geen_verschil', 'Nee, geen verschil', 'No, no difference'],
            ['hoger', 'Ja, mijn cijfers zijn daardoor hoger', 'Yes, my grades are higher because of it'],
            ['weet_niet', 'Weet ik niet', "Don't know", true],
          ),
        },
        {
          id: 'opmerkingen',
          type: 'open',
          text: t('Wil je nog iets kwijt over je opleiding of school?', 'Is there anything else you want to say about your programme or school?'),
          maxLength: 1000,
        },
      ],
    },
  ],
} satisfies QuestionnaireInput;
