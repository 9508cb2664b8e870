/**
 * Command line: `npm run analyze -- <files...> [--kind orders] [--json] [--skip-invalid]
 * [--delimiter ';'] [--encoding windows-1250] [--date-order DMY] [--decimal ,] [--header-row N]`.
 * Reads CSV exports with the app's importer and prints what would be imported (no IndexedDB).
 * The logic lives in analyze-lib.ts; this file only talks to the terminal.
 */
import { USAGE, UsageError, analyzeFiles, formatReport, parseCommandLine } from './analyze-lib.ts';
import { analyzeWithDuckdb, formatDuckdbReport } from './duckdb-engine.ts';

async function main(argv: readonly string[]): Promise<number> {
  let cli;
  try {
    cli = parseCommandLine(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`analyze: ${e.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (cli.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (cli.flags.engine === 'duckdb') {
    const duck = await analyzeWithDuckdb(cli.paths, cli.flags);
    for (const line of duck.messages) process.stderr.write(`${line}\n`);
    if (duck.report) process.stdout.write(cli.flags.json ? `${JSON.stringify(duck.report, null, 2)}\n` : `${formatDuckdbReport(duck.report)}\n`);
    return duck.exitCode;
  }
  const outcome = await analyzeFiles(cli.paths, cli.flags);
  for (const line of outcome.messages) process.stderr.write(`${line}\n`);
  if (outcome.report) {
    process.stdout.write(cli.flags.json ? `${JSON.stringify(outcome.report, null, 2)}\n` : `${formatReport(outcome.report)}\n`);
  }
  return outcome.exitCode;
}

// Stop at once when asked to (a long read or report is never worth ignoring SIGTERM for).
process.on('SIGTERM', () => process.exit(143));
process.on('SIGINT', () => process.exit(130));

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`analyze: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 1;
  },
);
