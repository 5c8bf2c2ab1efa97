// Cleaning rules, version 1: the defaults of the JOB-monitor. PUBLISHED once verdicts carry it: do not edit;
// a change is a new version file (rules-2.ts) added in index.ts.
import type { CleaningRulesInput } from './schema.ts';
import { t } from '../versions/parts.ts';

export default {
  version: 1,
  description: t(
    'Standaardregels: minstens de helft van de getoonde kernvragen beantwoord, niet sneller dan 2 seconden per antwoord of twee keer de mediaan, geen rechte lijnen in de matrixvragen.',
    'Default rules: at least half of the core questions shown answered, not faster than 2 seconds per answer or twice the median, no straight lines through the grids.',
  ),
  tooFewAnswered: { minAnsweredShare: 0.5 },
  tooFast: { minSecondsPerAnswered: 2, maxSpeedIndex: 2, speedIndexMinResponses: 30 },
  straightlining: { gridMinItems: 6, minSameGrids: 2, allGridsMinAnswers: 20, allGridsMaxShare: 0.9 },
} satisfies CleaningRulesInput;
