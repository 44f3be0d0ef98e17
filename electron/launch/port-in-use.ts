import type { MessageLanguage } from '../../shared/i18n/lock-messages.ts';
import { launchWords } from './messages.ts';

// `npm run serve` on a port something already listens on. The database lock stops a second serve on the same
// file before this point; a second one on another file (--data, YADOCHO_DATA_DIR), or any other program on the
// port, gets here. Which of the two it is decides what to advise, so the port is asked: a Yadocho's HTTP door
// refuses a call without its token in its own words.

/** Exit code of `npm run serve` when its port is taken (3 is the database lock's). */
export const PORT_IN_USE_EXIT_CODE = 4;

const PROBE_TIMEOUT_MS = 2_000;

/** The address to ask on: a wildcard host listens on loopback too. */
function probeUrl(host: string, port: number): string {
  const name = host === '0.0.0.0' || host === '::' || host === '' ? '127.0.0.1' : host;
  return `http://${name.includes(':') ? `[${name}]` : name}:${port}`;
}

/** Whether a Yadocho answers there: its door refuses a call without the token as `unauthorized` (or `forbidden`). */
async function yadochoAt(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/api/call/system.info`, {
      method: 'POST',
      signal: AbortSignal.timeout(PROBE_TIMEOUT_MS),
    });
    const body = (await response.json()) as { ok?: unknown; error?: { code?: unknown } } | null;
    return body?.ok === false && (body.error?.code === 'unauthorized' || body.error?.code === 'forbidden');
  } catch {
    return false;
  }
}

/** The same command on the next port: what the person ran, with `--port` replaced (`--demo` kept). */
export function otherPortCommand(args: readonly string[], port: number): string {
  const kept: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--port') i++;
    else if (!arg.startsWith('--port=')) kept.push(arg);
  }
  // Quoted for a POSIX shell where needed (a --data path with a space in it).
  const quoted = kept.map((arg) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", "'\\''")}'`));
  return ['npm run serve --', ...quoted, '--port', String(port + 1)].join(' ');
}

/** The message, several lines: the port is taken, by whom, and how to choose another. */
export async function portInUseMessage(
  options: { host: string; port: number; args: readonly string[] },
  language: MessageLanguage,
): Promise<string> {
  const w = launchWords[language];
  const url = probeUrl(options.host, options.port);
  const holder = (await yadochoAt(url))
    ? [w.portYadocho(url), w.portYadochoAdvice]
    : [w.portOther(url.slice('http://'.length))];
  return [w.portTitle(options.port), ...holder, w.portChoose(otherPortCommand(options.args, options.port))].join('\n');
}
