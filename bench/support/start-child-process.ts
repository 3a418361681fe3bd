import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { delay } from './delay.js';

/** How a child process ended. */
export interface ChildExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** A child process started by the benchmarks, with its output kept for errors. */
export interface RunningChild {
  process: ChildProcess;
  pid: number | undefined;
  /** Resolves when the process has exited. */
  exited: Promise<ChildExit>;
  hasExited(): boolean;
  /** The last few kilobytes the process wrote to stdout and stderr. */
  readOutputTail(): string;
  /**
   * Resolves with the first stdout line matching `pattern` (lines already
   * printed count); rejects when the process exits first or after `timeoutMs`.
   */
  waitForLine(pattern: RegExp, timeoutMs: number): Promise<RegExpExecArray>;
  /** SIGTERM, then SIGKILL if it has not exited within `timeoutMs`. */
  stop(timeoutMs?: number): Promise<ChildExit>;
}

const outputTailLength = 4096;
const running = new Set<RunningChild>();
let exitHookInstalled = false;

/**
 * Spawns `command` with piped output. Every child still running when the
 * benchmark process exits (on an error too) is killed, so no server is left
 * behind.
 *
 * @example
 * const child = startChildProcess(process.execPath, ['-e', '0'], { env: {} });
 * await child.exited;
 */
export function startChildProcess(
  command: string,
  args: readonly string[],
  options: { env: NodeJS.ProcessEnv; keepStdinOpen?: boolean },
): RunningChild {
  installExitHook();
  const child = spawn(command, args, {
    env: options.env,
    stdio: [options.keepStdinOpen ? 'pipe' : 'ignore', 'pipe', 'pipe'],
  });
  let outputTail = '';
  const lines: string[] = [];
  const lineListeners = new Set<(line: string) => void>();
  const remember = (text: string) => {
    outputTail = (outputTail + text).slice(-outputTailLength);
  };
  child.stderr?.on('data', (chunk: Buffer) => remember(chunk.toString('utf8')));
  if (child.stdout) {
    const reader = createInterface({ input: child.stdout, crlfDelay: Number.POSITIVE_INFINITY });
    reader.on('line', (line) => {
      remember(`${line}\n`);
      // Only the first lines matter (where a server listens); the rest is kept as a tail.
      if (lines.length < 100) lines.push(line);
      for (const listener of lineListeners) listener(line);
    });
  }
  let exit: ChildExit | undefined;
  const exited = new Promise<ChildExit>((resolve) => {
    const finish = (result: ChildExit) => {
      if (exit) return;
      exit = result;
      running.delete(started);
      resolve(result);
    };
    child.once('exit', (code, signal) => finish({ code, signal }));
    child.once('error', (error) => {
      remember(`spawn failed: ${error.message}\n`);
      finish({ code: null, signal: null });
    });
  });

  const waitForLine = (pattern: RegExp, timeoutMs: number) =>
    new Promise<RegExpExecArray>((resolve, reject) => {
      const earlier = lines.map((line) => pattern.exec(line)).find((match) => match !== null);
      if (earlier) {
        resolve(earlier);
        return;
      }
      const cleanUp = () => {
        clearTimeout(timer);
        lineListeners.delete(onLine);
      };
      const onLine = (line: string) => {
        const match = pattern.exec(line);
        if (!match) return;
        cleanUp();
        resolve(match);
      };
      const timer = setTimeout(() => {
        cleanUp();
        reject(new Error(`no line matching ${pattern} within ${timeoutMs} ms:\n${outputTail}`));
      }, timeoutMs);
      lineListeners.add(onLine);
      void exited.then((result) => {
        if (!lineListeners.has(onLine)) return;
        cleanUp();
        reject(
          new Error(
            `${command} exited (code ${result.code}, signal ${result.signal}) before printing a line matching ${pattern}:\n${outputTail}`,
          ),
        );
      });
    });

  const stop = async (timeoutMs = 15_000): Promise<ChildExit> => {
    if (exit) return exit;
    child.kill('SIGTERM');
    const result = await Promise.race([exited, delay(timeoutMs)]);
    if (result) return result;
    child.kill('SIGKILL');
    const killed = await Promise.race([exited, delay(5_000)]);
    if (killed) return killed;
    throw new Error(`${command} (pid ${child.pid}) did not exit after SIGKILL`);
  };

  const started: RunningChild = {
    process: child,
    pid: child.pid,
    exited,
    hasExited: () => exit !== undefined,
    readOutputTail: () => outputTail,
    waitForLine,
    stop,
  };
  running.add(started);
  return started;
}

/**
 * Kills every child still running and waits (at most `timeoutMs`) for them to
 * exit, so their folders can be removed: for an interrupted benchmark.
 */
export async function stopAllChildProcesses(timeoutMs = 5_000): Promise<void> {
  const children = [...running];
  for (const child of children) child.process.kill('SIGKILL');
  await Promise.race([Promise.all(children.map((child) => child.exited)), delay(timeoutMs)]);
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // The last resort when the process exits without tearing its cases down.
  process.once('exit', () => {
    for (const child of running) child.process.kill('SIGKILL');
  });
}
