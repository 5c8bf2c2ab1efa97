// Keeps the survey snapshot (questionnaire version, routing context, ref) on this device, so a reload
// while offline shows the same questionnaire the student started on. Storage errors only cost that.
import type { SurveyState } from '../../../../server/api/student.ts';

const KEY = 'jm.survey.snapshot';

export function storeSnapshot(s: SurveyState): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(s));
  } catch {
    // full or blocked storage: the survey still works online
  }
}

export function loadSnapshot(ref: string): SurveyState | null {
  try {
    const s = JSON.parse(localStorage.getItem(KEY) ?? 'null') as SurveyState | null;
    return s && s.ref === ref && s.questionnaire ? s : null;
  } catch {
    return null;
  }
}

export function dropSnapshot(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // nothing kept, nothing to drop
  }
}
