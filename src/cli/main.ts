#!/usr/bin/env node
/**
 * The `kcovjs` command. Each subcommand lives in its own module, exporting
 * `main(args: string[]): Promise<number>` (the exit code); it is loaded only when used.
 */
const COMMANDS: Record<string, { module: string; summary: string }> = {
  fuzz: { module: './fuzz.js', summary: 'coverage-guided fuzzing of a target module (libFuzzer-style flags)' },
  run: { module: './run.js', summary: 'run a command with instrumentation (and record coverage with --coverage-dir)' },
  trace: { module: './trace.js', summary: 'run a Node program with a kcov instance enabled and write what it collected' },
  report: { module: './report.js', summary: 'turn recorded coverage into lcov, html, json, gocover, sancov, runsc or text' },
  symbolize: { module: './symbolize.js', summary: 'map PCs (stdin, one per line) to source ranges' },
  instrument: { module: './instrument.js', summary: 'print the instrumented code of a file' },
};

function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(11)} ${c.summary}`);
  return `usage: kcovjs <command> [args]\n\ncommands:\n${lines.join('\n')}\n\nRun 'kcovjs <command> --help' for a command's options.\n`;
}

async function dispatch(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage());
    return name ? 0 : 2;
  }
  if (name === '--version') {
    const { createRequire } = await import('node:module');
    process.stdout.write(`${(createRequire(import.meta.url)('../../../package.json') as { version: string }).version}\n`);
    return 0;
  }
  const cmd = COMMANDS[name];
  if (!cmd) {
    process.stderr.write(`kcovjs: unknown command '${name}'\n\n${usage()}`);
    return 2;
  }
  const mod = (await import(cmd.module)) as { main(args: string[]): Promise<number> };
  return mod.main(rest);
}

// A reader that goes away early (`kcovjs symbolize --all | head`) is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

dispatch(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`kcovjs: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
