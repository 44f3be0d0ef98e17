import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';

// `npm run serve` as a child process (node electron/launch/serve.ts), for tests about processes: two servers
// on one file, a lock left by a process that is gone.

const SERVE = resolve(import.meta.dirname, '../../electron/launch/serve.ts');
const START_TIMEOUT_MS = 20_000;

export type ServeProcess = {
  child: ChildProcess;
  /** Resolves with the page address once the server prints it, or with the exit code if it stops first. */
  started: Promise<{ pageUrl: string; url: string; port: number; token: string } | { exitCode: number }>;
  stdout(): string;
  stderr(): string;
  /** Stops it with SIGTERM (as Ctrl+C does) and resolves with its exit code. */
  stop(): Promise<number | null>;
};

/**
 * `port` 0 (the default) takes a free one; `args` are passed after the others (`--demo`); `netns` runs it in
 * that network namespace (`ip netns exec`, which execs: the child is still the server's own process); `nice`
 * runs it at that scheduling priority (`nice -n`, which execs too; every thread of the server inherits it).
 */
export function spawnServe(
  dataFile: string,
  env: Record<string, string> = {},
  options: { port?: number; args?: string[]; netns?: string; nice?: number } = {},
): ServeProcess {
  const args = ['--data', dataFile, '--port', String(options.port ?? 0), ...(options.args ?? [])];
  const command = [process.execPath, SERVE, ...args];
  if (options.nice !== undefined) command.unshift('nice', '-n', String(options.nice));
  if (options.netns) command.unshift('ip', 'netns', 'exec', options.netns);
  const child = spawn(command[0] as string, command.slice(1), {
    env: { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '', LC_MESSAGES: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout?.setEncoding('utf8');
  child.stderr?.setEncoding('utf8');
  const exited = new Promise<number>((done) => child.once('exit', (code, signal) => done(code ?? (signal ? 128 : 0))));
  const started = new Promise<{ pageUrl: string; url: string; port: number; token: string } | { exitCode: number }>(
    (done, reject) => {
      const timer = setTimeout(() => reject(new Error(`serve did not start: ${out}${err}`)), START_TIMEOUT_MS);
      child.stdout?.on('data', (chunk: string) => {
        out += chunk;
        const match = /Open (http:\/\/[^/\s]+:(\d+))\/#token=(\S+)/.exec(out);
        if (match) {
          clearTimeout(timer);
          const [pageUrl, url, port, token] = match as unknown as [string, string, string, string];
          done({ pageUrl, url, port: Number(port), token });
        }
      });
      child.stderr?.on('data', (chunk: string) => {
        err += chunk;
      });
      void exited.then((exitCode) => {
        clearTimeout(timer);
        done({ exitCode });
      });
    },
  );
  return {
    child,
    started,
    stdout: () => out,
    stderr: () => err,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}
