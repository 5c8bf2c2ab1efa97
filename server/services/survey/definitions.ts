// Institution modules on the server: importing a module file (checked completely before anything is written),
// and the definition a response is served: its core version with the module version it started with appended.
import type { Repos } from '../../db/index.ts';
import type { ResponseRow } from '../../db/responses.ts';
import { parseModule, mergeModule } from '../../../questionnaire/module.ts';

/** The largest module file read: ten questions with their texts in two languages fit many times over. */
export const MODULE_MAX_BYTES = 256 * 1024;

/** The file-size problem, for a file too large to read. */
export const moduleTooLarge = (bytes: number) =>
  `the file is ${(bytes / 1024).toFixed(0)} KB; a module file is at most ${MODULE_MAX_BYTES / 1024} KB (ten questions fit many times over)`;
import { parseQuestionnaire, type Questionnaire } from '../../../questionnaire/index.ts';

export interface ModuleImportResult {
  id: string;
  brin: string;
  version: number;
  questions: number;
  replaced: string | null;
}

export class ModuleImportError extends Error {
  constructor(readonly problems: string[]) {
    super(`The module file is not valid:\n  ${problems.join('\n  ')}`);
    this.name = 'ModuleImportError';
  }
}

/** Adds a module version for `brin`; throws ModuleImportError with every problem and writes nothing on a bad file. */
export function importModule(
  repos: Repos,
  cores: Map<string, Questionnaire>,
  input: { brin: string; text: string; fileName: string | null; now: Date },
): ModuleImportResult {
  const { brin } = input;
  if (!/^\d{2}[A-Z]{2}$/.test(brin)) throw new ModuleImportError([`--brin "${brin}" is not a BRIN (2 digits and 2 capital letters, e.g. 25PZ)`]);
  if (!repos.institutions.get(brin)) throw new ModuleImportError([`institution ${brin} is not in the population; import the population first`]);
  const bytes = Buffer.byteLength(input.text, 'utf8');
  if (bytes > MODULE_MAX_BYTES) throw new ModuleImportError([moduleTooLarge(bytes)]);
  let json: unknown;
  try {
    // A byte-order mark, as Windows editors write it before UTF-8, is not part of the JSON.
    json = JSON.parse(input.text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new ModuleImportError([`the file is not valid JSON: ${err instanceof Error ? err.message : String(err)}`]);
  }
  const r = parseModule(json, brin, [...cores.values()]);
  if (!r.ok) throw new ModuleImportError(r.errors);
  const current = repos.questionModules.current(brin);
  return repos.transaction((): ModuleImportResult => {
    if (repos.questionModules.get(r.value.id)) {
      throw new ModuleImportError([`id: version ${r.value.id} was already imported; an imported version never changes, give the file a new version number`]);
    }
    if (current && current.version >= r.version) {
      throw new ModuleImportError([`id: ${r.value.id} is not newer than the current module ${current.id}; use version ${current.version + 1} or higher`]);
    }
    repos.questionModules.add({
      id: r.value.id,
      brin,
      version: r.version,
      definition: JSON.stringify(r.value),
      fileName: input.fileName,
      importedAt: input.now.toISOString(),
    });
    return { id: r.value.id, brin, version: r.version, questions: r.value.pages.flatMap((p) => p.questions).length, replaced: current?.id ?? null };
  });
}

/** Definitions served to responses, one merged Questionnaire per (core version, module version), built once. */
export function createDefinitions(repos: Repos, cores: Map<string, Questionnaire>) {
  const modules = new Map<string, Questionnaire>();
  const merged = new Map<string, Questionnaire>();

  function moduleDefinition(id: string): Questionnaire {
    let def = modules.get(id);
    if (!def) {
      const row = repos.questionModules.get(id);
      if (!row) throw new Error(`question module ${id} is missing`);
      def = JSON.parse(row.definition) as Questionnaire;
      modules.set(id, def);
    }
    return def;
  }

  function core(version: string): Questionnaire {
    const def = cores.get(version);
    if (!def) throw new Error(`unknown questionnaire version ${version}`);
    return def;
  }

  function withModule(version: string, moduleId: string | null): Questionnaire {
    if (!moduleId) return core(version);
    const key = `${version}|${moduleId}`;
    let def = merged.get(key);
    if (!def) merged.set(key, (def = mergeModule(core(version), moduleDefinition(moduleId))));
    return def;
  }

  return {
    withModule,
    /** The institution's current module id, recorded on a response when it starts. */
    currentModule: (brin: string): string | null => repos.questionModules.current(brin)?.id ?? null,
    forResponse: (r: ResponseRow): Questionnaire => withModule(r.questionnaireVersion, r.moduleVersion),
    /**
     * Start-up check: every stored module still forms a valid definition with every core version (a new core
     * version could clash with an older module). Throws naming the module, the question and the problem.
     */
    checkStored(): void {
      for (const row of repos.questionModules.all()) {
        for (const c of cores.values()) {
          const r = parseQuestionnaire(mergeModule(c, JSON.parse(row.definition) as Questionnaire));
          if (!r.ok) throw new Error(`Question module ${row.id} does not fit questionnaire ${c.id}:\n  ${r.errors.join('\n  ')}`);
        }
      }
    },
  };
}
export type Definitions = ReturnType<typeof createDefinitions>;
