// Institution question modules (versioned JSON definitions) and which module version each response saw.
import type { Db } from './database.ts';

export interface QuestionModuleRow {
  id: string;
  brin: string;
  version: number;
  definition: string;
  fileName: string | null;
  importedAt: string;
}

const columns = 'id, brin, version, definition, file_name AS fileName, imported_at AS importedAt';

export function questionModulesRepo(db: Db) {
  const current = db.prepare<[string], QuestionModuleRow>(`SELECT ${columns} FROM question_modules WHERE brin = ? ORDER BY version DESC LIMIT 1`);
  const byId = db.prepare<[string], QuestionModuleRow>(`SELECT ${columns} FROM question_modules WHERE id = ?`);
  const all = db.prepare<[], QuestionModuleRow>(`SELECT ${columns} FROM question_modules ORDER BY brin, version`);
  const insert = db.prepare(
    `INSERT INTO question_modules (id, brin, version, definition, file_name, imported_at)
     VALUES (@id, @brin, @version, @definition, @fileName, @importedAt)`,
  );
  const setResponseModule = db.prepare<[string, number]>('UPDATE responses SET module_version = ? WHERE id = ?');
  return {
    /** The institution's newest module version, served to responses that start now. */
    current: (brin: string): QuestionModuleRow | undefined => current.get(brin),
    get: (id: string): QuestionModuleRow | undefined => byId.get(id),
    all: (): QuestionModuleRow[] => all.all(),
    add: (row: QuestionModuleRow): void => void insert.run(row),
    setResponseModule: (responseId: number, moduleId: string): void => void setResponseModule.run(moduleId, responseId),
  };
}
export type QuestionModulesRepo = ReturnType<typeof questionModulesRepo>;
