// The job-monitor program: one command per file under commands/, sharing global options.
import { Command, CommanderError } from 'commander';
import { serveCommand } from './commands/serve.ts';
import { seedDemoCommand } from './commands/seed-demo.ts';
import { questionnaireDiffCommand } from './commands/questionnaire-diff.ts';
import { importQuestionsCommand } from './commands/import-questions.ts';
import { importLabelsCommand } from './commands/import-labels.ts';
import { labelsHistoryCommand } from './commands/labels-history.ts';
import { institutionSettingsCommand } from './commands/institution-settings.ts';
import { importPopulationCommand } from './commands/import-population.ts';
import { responseOverviewCommand } from './commands/response-overview.ts';
import { calcResponseCommand } from './commands/calc-response.ts';
import { cleanCommand } from './commands/clean.ts';
import { cleaningReportCommand } from './commands/cleaning-report.ts';
import { resultsCommand } from './commands/results.ts';
import { exportCommand } from './commands/export.ts';
import { createStaffUserCommand, listStaffUsersCommand, resetStaffPasswordCommand } from './commands/staff-users.ts';
import { AppError } from '../services/common/errors.ts';
import { backupCommand, restoreCommand } from './commands/backup.ts';

export function buildProgram(): Command {
  const program = new Command('job-monitor')
    .description('JOB-monitor survey application')
    .option('--data-dir <dir>', 'folder holding job-monitor.sqlite and secret.key (default: $DATA_DIR or ./data)')
    .option('--port <n>', 'port to serve on (default: $PORT or 3000)')
    .showHelpAfterError()
    .exitOverride();
  program.addCommand(serveCommand());
  program.addCommand(seedDemoCommand());
  program.addCommand(questionnaireDiffCommand());
  program.addCommand(importQuestionsCommand());
  program.addCommand(importLabelsCommand());
  program.addCommand(labelsHistoryCommand());
  program.addCommand(institutionSettingsCommand());
  program.addCommand(importPopulationCommand());
  program.addCommand(responseOverviewCommand());
  program.addCommand(calcResponseCommand());
  program.addCommand(cleanCommand());
  program.addCommand(cleaningReportCommand());
  program.addCommand(resultsCommand());
  program.addCommand(exportCommand());
  program.addCommand(createStaffUserCommand());
  program.addCommand(resetStaffPasswordCommand());
  program.addCommand(listStaffUsersCommand());
  program.addCommand(backupCommand());
  program.addCommand(restoreCommand());
  return program;
}

export async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0; // a command may refuse (import-labels)
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 1; // commander already printed help or the error
    // A service's refusal says it in both languages, Dutch first.
    const message = err instanceof AppError ? `${err.text.nl}\n${err.text.en}` : err instanceof Error ? err.message : String(err);
    process.stderr.write(`job-monitor: ${message}\n`);
    return 1;
  }
}
