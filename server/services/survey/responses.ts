// Starting a response: on the questionnaire version new respondents get, with the institution's current module,
// tagged with the student's labels from the current label file (or none: "zonder label"), with the background
// data DUO gives. Runs inside the login's write.
import type { Repos } from '../../db/index.ts';
import type { LabelSet } from '../../db/labels.ts';
import type { PopulationRow } from '../../db/population.ts';
import type { Definitions } from './definitions.ts';

export function currentLabels(repos: Repos, brin: string, pgnKey: Buffer): { labelFileId: number | null; labels: LabelSet | null } {
  const file = repos.labels.currentFile(brin);
  if (!file) return { labelFileId: null, labels: null };
  return { labelFileId: file.id, labels: repos.labels.labelsFor(file.id, pgnKey) ?? null };
}

/** A new response for `student`; returns its id. Call inside a write. */
export function startResponse(repos: Repos, definitions: Definitions, version: string, student: PopulationRow, at: string): number {
  const { labelFileId, labels } = currentLabels(repos, student.brin, student.pgnKey);
  const moduleId = definitions.currentModule(student.brin);
  const id = repos.responses.create({
    brin: student.brin,
    pgnKey: student.pgnKey,
    questionnaireVersion: version,
    crebo: student.crebo,
    leerweg: student.leerweg,
    niveau: student.niveau,
    geslacht: student.geslacht,
    labelFileId,
    labels,
    now: at,
  });
  if (moduleId) repos.questionModules.setResponseModule(id, moduleId);
  return id;
}
