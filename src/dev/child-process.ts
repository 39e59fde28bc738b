import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';

export interface Child {
  name: string;
  /** The process group's leader, e.g. to read the group's memory. */
  pid?: number;
  /** Resolves with the exit code (or the signal's name) when the process group's leader exits. */
  exited: Promise<number | string>;
  /** Resolves when a line of its output matches `pattern`; rejects if it exits first. */
  waitForOutput(pattern: RegExp, timeoutMs: number): Promise<string>;
  /** SIGTERM to the whole group, then SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
  /** SIGKILL to the whole group at once, no drain (a crash, as the chaos harness simulates one). */
  kill(): Promise<void>;
  /** The last lines of its log, for a clear message when it dies. */
  tail(lines?: number): string;
}

/**
 * Starts a service of the local stack in its own process group (so Ctrl-C reaches only the launcher, which
 * then stops everything in order) with its output in a log file.
 */
export function startChild(
  name: string,
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  logFile: string,
): Child {
  const log = createWriteStream(logFile, { flags: 'a' });
  const proc: ChildProcess = spawn(command, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const listeners = new Set<(line: string) => void>();
  for (const stream of [proc.stdout, proc.stderr]) {
    stream?.on('data', (chunk: Buffer) => {
      log.write(chunk);
      for (const line of chunk.toString('utf8').split('\n')) for (const listener of listeners) listener(line);
    });
  }
  const exited = new Promise<number | string>((resolve) =>
    proc.on('exit', (code, signal) => resolve(code ?? signal ?? 0)),
  );
  let running = true;
  void exited.then(() => {
    running = false;
    log.end();
  });

  return {
    name,
    pid: proc.pid,
    exited,
    waitForOutput(pattern, timeoutMs) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => finish(new Error(`${name} did not start within ${timeoutMs / 1000} s`)),
          timeoutMs,
        );
        const onLine = (line: string) => pattern.test(line) && finish(undefined, line);
        const finish = (err?: Error, line?: string) => {
          clearTimeout(timer);
          listeners.delete(onLine);
          if (err) reject(err);
          else resolve(line!);
        };
        listeners.add(onLine);
        void exited.then((code) => finish(new Error(`${name} exited (${code}) while starting`)));
      });
    },
    async stop(graceMs = 15_000) {
      if (!running || proc.pid === undefined) return;
      signalGroup(proc.pid, 'SIGTERM');
      const killer = setTimeout(() => signalGroup(proc.pid!, 'SIGKILL'), graceMs);
      await exited;
      clearTimeout(killer);
      // Grandchildren (tsx runs node under it) share the group; make sure none outlives the leader.
      signalGroup(proc.pid, 'SIGKILL');
    },
    async kill() {
      if (!running || proc.pid === undefined) return;
      signalGroup(proc.pid, 'SIGKILL');
      await exited;
    },
    tail(lines = 15) {
      try {
        return readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
      } catch {
        return '';
      }
    },
  };
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is already gone.
  }
}
