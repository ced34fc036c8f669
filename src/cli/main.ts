import { Command, CommanderError } from 'commander';
import { type ImrError, imrError, toImrError } from '../domain/errors.js';
import { registerDbCommands } from './db-commands.js';
import { registerImportCommands } from './import-command.js';
import { type CliIo, processIo } from './io.js';
import { registerLetterCommands } from './letter-commands.js';
import { registerReviewCommands } from './review-commands.js';
import { registerUserCommands } from './user-commands.js';

export const VERSION = '0.1.0';

export function buildProgram(io: CliIo, setExit: (code: number) => void): Command {
  const program = new Command('imr')
    .description('IMR Desk: California workers’ compensation Independent Medical Review')
    .version(VERSION)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout(s),
      writeErr: (s) => io.stderr(s),
    })
    .showHelpAfterError('(run with --help for usage)');
  registerLetterCommands(program, io, setExit);
  registerImportCommands(program, io, setExit);
  registerReviewCommands(program, io, setExit);
  registerUserCommands(program, io, setExit);
  registerDbCommands(program, io, setExit);
  return program;
}

/** Runs the `imr` command; returns the process exit code. Nothing thrown escapes as a stack trace. */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  let exitCode = 0;
  const program = buildProgram(io, (code) => {
    exitCode = Math.max(exitCode, code);
  });
  if (argv.length === 0) {
    io.stdout(program.helpInformation());
    return 0;
  }
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help')
        return 0;
      return 2;
    }
    reportError(io, toImrError(e));
    return 1;
  }
}

export function reportError(io: CliIo, error: ImrError): void {
  io.stderr(`${JSON.stringify({ error })}\n`);
}

export function usageError(message: string): ImrError {
  return imrError('IMR_CLI_USAGE', message);
}
