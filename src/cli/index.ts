export { exitCodeForError, exitCodes } from './exit-codes.js';
export { type CliIo, runCli } from './run-cli.js';
