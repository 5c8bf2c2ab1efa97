// The import-population command end to end: text and JSON reports, exit codes, nothing changed on rejection.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../server/cli/main.ts';
import { openDatabase } from '../../server/db/index.ts';
import { student } from '../support/test-app.ts';
import { writePopulationFile } from '../support/population-file.ts';
import { MAX_LISTED_PROBLEMS } from '../../server/services/population/rows.ts';
import { defaultPeildatum } from '../../server/cli/commands/import-population.ts';

let dir: string;
let out: string[];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'jm-cli-'));
  out = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((c) => (out.push(String(c)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((c) => (out.push(String(c)), true));
});
afterEach(() => {
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

const run = (...args: string[]) => main(['node', 'job-monitor', '--data-dir', dir, 'import-population', ...args]);
const populationCount = () => {
  const db = openDatabase(join(dir, 'job-monitor.sqlite'));
  try {
    return db.prepare('SELECT peildatum, count(*) AS n FROM population GROUP BY peildatum').all();
  } finally {
    db.close();
  }
};

describe('job-monitor import-population', () => {
  it('imports a good file and says how many students and institutions', async () => {
    const file = writePopulationFile(join(dir, 'p.csv'), [student(), student({ brin: '30XX' })]);
    expect(await run(file, '--peildatum', '2023-12-01')).toBe(0);
    expect(out.join('')).toMatch(/Populatie 2023-12-01 geïmporteerd .*: 2 studenten, 2 instellingen \(vervangt 0 studenten\)/);
    expect(populationCount()).toEqual([{ peildatum: '2023-12-01', n: 2 }]);
  });

  it('rejects a file with problems: lists them with line numbers, exits 1, changes nothing', async () => {
    const good = writePopulationFile(join(dir, 'good.csv'), [student()]);
    expect(await run(good, '--peildatum', '2023-12-01')).toBe(0);
    const bad = writePopulationFile(join(dir, 'bad.csv'), [student(), student({ crebo: '1' }), ...Array.from({ length: 80 }, () => student({ niveau: 9 }))]);
    out.length = 0;
    expect(await run(bad, '--peildatum', '2023-12-01')).toBe(1);
    const text = out.join('');
    expect(text).toContain('NIET geïmporteerd: 81 problemen in 82 regels. Er is niets veranderd.');
    expect(text).toContain('regel 3 (crebo)');
    expect(text).toContain('... en nog 31');
    expect(populationCount()).toEqual([{ peildatum: '2023-12-01', n: 1 }]);
  });

  it('gives every problem (up to the cap) and the full count with --json', async () => {
    const bad = writePopulationFile(join(dir, 'bad.csv'), Array.from({ length: MAX_LISTED_PROBLEMS + 5 }, () => student({ leerweg: 'XYZ' as 'BOL' })));
    expect(await run(bad, '--peildatum', '2023-12-01', '--json')).toBe(1);
    const report = JSON.parse(out.join(''));
    expect(report).toMatchObject({ ok: false, problemCount: MAX_LISTED_PROBLEMS + 5, rows: MAX_LISTED_PROBLEMS + 5 });
    expect(report.problems).toHaveLength(MAX_LISTED_PROBLEMS);
    expect(report.problems[0]).toEqual({ line: 2, column: 'leerweg', message: expect.stringContaining('BOL of BBL') });
  });

  it('refuses a peildatum that is not a real date, and a missing file', async () => {
    const file = writePopulationFile(join(dir, 'p.csv'), [student()]);
    expect(await run(file, '--peildatum', '2023-02-30')).toBe(1);
    expect(out.join('')).toContain('--peildatum must be a real date');
    expect(await run(join(dir, 'nope.csv'), '--peildatum', '2023-12-01')).toBe(1);
  });

  it('defaults the peildatum to the last 1 December', () => {
    expect(defaultPeildatum(new Date('2024-03-01T12:00:00Z'))).toBe('2023-12-01');
    expect(defaultPeildatum(new Date('2024-12-15T12:00:00Z'))).toBe('2024-12-01');
  });
});
