import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import type { Arrivals } from '../../shared/contract/arrivals.ts';
import { contract, fail, isCallName, type Result, toIssues } from '../../shared/contract/index.ts';
import { isRequestId, REQUEST_ID_HEADER } from '../../shared/contract/request-id.ts';
import type { Settings } from '../../shared/contract/settings.ts';
import type { Logger } from '../core/context.ts';
import type { Core } from '../core/create-core.ts';
import { makeBriefingPdf } from '../sheets/briefing.ts';
import { makeKitchenPdf } from '../sheets/kitchen.ts';
import { RENDERER_CSP } from './csp.ts';
import { createGuard, type Refusal } from './guard.ts';
import { readStatic } from './static-files.ts';

// The HTTP door: the same contract as IPC, for a browser (npm run serve, the end-to-end tests), for
// other systems on this PC, and later for LAN peers. It serves the built renderer and
//   POST /api/call/<name>   body: the call's input as JSON, header x-yadocho-token   → a Result
//                           (optional header x-yadocho-request-id: a retried write is not recorded twice)
//   GET  /api/events?token= Server-Sent Events: `changed` with {"tables": [...]}, `progress` with a job's
//                           {"job", "kind", "done", "total", "state"} while it runs
//   GET  /api/sheets/briefing.pdf?date=YYYY-MM-DD[&stayId=…][&lang=ja|en]   header x-yadocho-token → a PDF
//   GET  /api/sheets/kitchen.pdf?date=YYYY-MM-DD[&lang=ja|en]                (a failure → a Result, as above)
//                           each PDF made is recorded in the access log (accessLog.sheetPrinted, via pdf)
// Loopback only unless told otherwise; see guard.ts for why every request is checked.

/** What the door needs of the core: the core itself, or the host of its worker (electron/core-host). */
export type CoreDoor = Pick<Core, 'call' | 'onChanged' | 'onProgress'>;

export type HttpServerOptions = {
  core: CoreDoor;
  /** Folder of the built renderer (dist/renderer). Without it only the API is served. */
  staticDir?: string;
  host?: string;
  port?: number;
  /** The per-launch token; a random one is made when absent. */
  token?: string;
  /** Extra Host header values to accept (name:port), e.g. for a LAN name. */
  extraHosts?: string[];
  logger?: Logger;
};

export type HttpServer = {
  url: string;
  /** The URL to open in a browser: carries the token in the fragment, which is never sent to a server. */
  pageUrl: string;
  token: string;
  port: number;
  close(): Promise<void>;
};

const MAX_BODY_BYTES = 1_000_000;

/** The guard's refusals as answers: a malformed request is 400, the others say who may not come in. */
const REFUSED: Record<Refusal, { status: number; result: Result<never> }> = {
  duplicate_host: { status: 400, result: fail('invalid_input', 'duplicate_host') },
  unauthorized: { status: 401, result: fail('unauthorized') },
  forbidden: { status: 403, result: fail('forbidden') },
};
/** A sheet answers a failure with a status a download can tell apart (the call door always says 200). */
const SHEET_STATUS_OF: Partial<Record<string, number>> = {
  invalid_input: 400,
  // Nobody chosen at this PC, or a role that may not see arrivals (docs/roles.md): the sheet is not theirs.
  no_staff: 403,
  forbidden: 403,
  not_found: 404,
  internal: 500,
};

const SHEET_MAKERS = { briefing: makeBriefingPdf, kitchen: makeKitchenPdf };
const sheetLanguageSchema = z.enum(['ja', 'en'], { error: 'invalid_choice' });

/** A sheet's query: the input of arrivals.forDate (checked by the contract), and the sheet's language. */
function parseSheetQuery(params: URLSearchParams) {
  const stayId = params.get('stayId');
  const input = contract['arrivals.forDate'].input.safeParse({
    date: params.get('date'),
    ...(stayId ? { stayId } : {}),
  });
  const lang = sheetLanguageSchema.safeParse(params.get('lang') ?? 'ja');
  if (input.success && lang.success) return { ok: true as const, input: input.data, lang: lang.data };
  const issues = [
    ...(input.success ? [] : toIssues(input.error.issues)),
    ...(lang.success ? [] : toIssues(lang.error.issues).map((issue) => ({ ...issue, path: 'lang' }))),
  ];
  return { ok: false as const, issues };
}

/** The request's target as a URL, or null when none can be made of it. */
function parsedTarget(target: string | undefined): URL | null {
  try {
    return new URL(target ?? '/', 'http://server.invalid');
  } catch {
    return null;
  }
}

function sendJson(response: ServerResponse, status: number, body: Result<unknown>, close = false) {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    // A body left unread (too large) would be taken for the next request on a kept-alive connection.
    ...(close ? { connection: 'close' } : {}),
  });
  response.end(text);
}

/**
 * What a call's content-type says: JSON (`application/json` in any case, with parameters), JSON in a charset
 * other than UTF-8, or something else. The body is read as UTF-8 (as RFC 8259 requires of JSON between
 * systems); JSON in Shift_JIS from an older Japanese system would be read as garbage, so it is refused.
 */
function jsonContentType(header: string | undefined): 'json' | 'not_utf8' | 'other' {
  const [type = '', ...parameters] = (header ?? '').split(';');
  if (type.trim().toLowerCase() !== 'application/json') return 'other';
  for (const parameter of parameters) {
    const [name = '', value = ''] = parameter.split('=');
    if (name.trim().toLowerCase() !== 'charset') continue;
    const charset = value
      .trim()
      .replace(/^"(.*)"$/, '$1')
      .toLowerCase();
    if (charset !== 'utf-8' && charset !== 'utf8') return 'not_utf8';
  }
  return 'json';
}

/** The client closed the connection before its whole body arrived: nobody is left to answer. */
class ClientGone extends Error {}

async function readBody(request: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of request) {
      size += (chunk as Buffer).length;
      if (size > MAX_BODY_BYTES) return null;
      chunks.push(chunk as Buffer);
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ECONNRESET' || request.readableAborted) throw new ClientGone();
    throw error;
  }
  const bytes = Buffer.concat(chunks);
  // Bytes that are not UTF-8 (Shift_JIS sent unlabelled) would be read as U+FFFD and stored as such: 鈴木
  // becoming ���. Refused instead, like a body labelled with another charset.
  try {
    return STRICT_UTF8.decode(bytes);
  } catch {
    throw new NotUtf8();
  }
}

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

/** A body whose bytes are not UTF-8. */
class NotUtf8 extends Error {}

export async function startHttpServer(options: HttpServerOptions): Promise<HttpServer> {
  const { core } = options;
  const logger = options.logger ?? console;
  const host = options.host ?? '127.0.0.1';
  const token = options.token ?? randomBytes(24).toString('base64url');
  let port = options.port ?? 0;
  const allowedHosts = () => {
    const names =
      host === '127.0.0.1' || host === 'localhost' || host === '::1' ? ['127.0.0.1', 'localhost', '[::1]'] : [host];
    return [...names.map((name) => `${name}:${port}`), ...(options.extraHosts ?? [])].map((h) => h.toLowerCase());
  };
  const guard = createGuard({ token, allowedHosts });
  const streams = new Set<ServerResponse>();
  const push = (event: string, payload: unknown) => {
    const message = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const stream of streams) stream.write(message);
  };
  const unsubscribe = [
    core.onChanged((tables) => push('changed', { tables })),
    core.onProgress((progress) => push('progress', progress)),
  ];

  const handleCall = async (request: IncomingMessage, response: ServerResponse, name: string) => {
    if (request.method !== 'POST') return sendJson(response, 405, fail('invalid_input', 'method_not_allowed'));
    const type = jsonContentType(request.headers['content-type']);
    if (type === 'other') return sendJson(response, 415, fail('invalid_input', 'json_required'));
    if (type === 'not_utf8') return sendJson(response, 415, fail('invalid_input', 'utf8_required'));
    if (!isCallName(name)) return sendJson(response, 404, fail('unknown_call'));
    const requestId = request.headers[REQUEST_ID_HEADER];
    if (requestId !== undefined && !isRequestId(requestId)) {
      return sendJson(response, 400, fail('invalid_input', 'invalid_request_id'));
    }
    let text: string | null;
    try {
      text = await readBody(request);
    } catch (error) {
      if (error instanceof NotUtf8) return sendJson(response, 415, fail('invalid_input', 'utf8_required'));
      throw error;
    }
    if (text === null) return sendJson(response, 413, fail('invalid_input', 'body_too_large'), true);
    let input: unknown;
    try {
      input = text.trim() === '' ? {} : JSON.parse(text);
    } catch {
      return sendJson(response, 400, fail('invalid_input', 'invalid_json'));
    }
    sendJson(response, 200, await core.call(name, input, requestId === undefined ? undefined : { requestId }));
  };

  const handleSheet = async (request: IncomingMessage, response: ServerResponse, url: URL) => {
    const match = /^\/api\/sheets\/(briefing|kitchen)\.pdf$/.exec(url.pathname);
    const sheet = match?.[1] as keyof typeof SHEET_MAKERS | undefined;
    if (!sheet) return sendJson(response, 404, fail('unknown_call'));
    if (request.method !== 'GET') return sendJson(response, 405, fail('invalid_input', 'method_not_allowed'));
    const query = parseSheetQuery(url.searchParams);
    if (!query.ok) return sendJson(response, 400, fail('invalid_input', undefined, query.issues));
    const arrivals = await core.call('arrivals.forDate', query.input);
    if (!arrivals.ok) return sendJson(response, SHEET_STATUS_OF[arrivals.error.code] ?? 400, arrivals);
    // The footer's "printed at" is on the inn's clock (its zone setting), not this process's zone.
    const settings = await core.call('settings.get', {});
    const timeZone = settings.ok ? (settings.value as Settings).timeZone : undefined;
    // The core checked the output against the contract before answering.
    const pdf = await SHEET_MAKERS[sheet](arrivals.value as Arrivals, query.lang, { timeZone });
    // Guest data leaves as a file: recorded in the access log first, and not sent when it cannot be recorded.
    const recorded = await core.call('accessLog.sheetPrinted', { sheet, ...query.input, via: 'pdf' });
    if (!recorded.ok) return sendJson(response, SHEET_STATUS_OF[recorded.error.code] ?? 400, recorded);
    response.writeHead(200, {
      'content-type': 'application/pdf',
      'content-length': pdf.length,
      'content-disposition': `attachment; filename="yadocho-${sheet}-${query.input.date}.pdf"`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    response.end(pdf);
  };

  const handleEvents = (request: IncomingMessage, response: ServerResponse) => {
    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    response.write(': connected\n\n');
    streams.add(response);
    request.on('close', () => streams.delete(response));
  };

  const server = createServer(async (request, response) => {
    try {
      const url = parsedTarget(request.url);
      // A target no URL can be made of (GET http://[/) is the client's error, answered before anything else.
      if (!url) return sendJson(response, 400, fail('invalid_input', 'invalid_url'), true);
      const isApi = url.pathname.startsWith('/api/');
      const isEvents = url.pathname === '/api/events';
      const given = isEvents
        ? url.searchParams.get('token')
        : (request.headers['x-yadocho-token'] as string | undefined);
      const refusal = guard.check(request, isApi, given);
      if (refusal) return sendJson(response, REFUSED[refusal].status, REFUSED[refusal].result);
      if (isEvents) return handleEvents(request, response);
      if (url.pathname.startsWith('/api/call/')) {
        return await handleCall(request, response, url.pathname.slice('/api/call/'.length));
      }
      if (url.pathname.startsWith('/api/sheets/')) return await handleSheet(request, response, url);
      if (isApi) return sendJson(response, 404, fail('unknown_call'));
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        response.writeHead(405).end();
        return;
      }
      const file = options.staticDir ? await readStatic(options.staticDir, url.pathname) : null;
      if (!file) {
        response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
        return;
      }
      response.writeHead(200, {
        'content-type': file.type,
        'content-security-policy': RENDERER_CSP,
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'DENY',
        'referrer-policy': 'no-referrer',
        'cache-control': file.type.startsWith('text/html') ? 'no-store' : 'max-age=3600',
      });
      response.end(request.method === 'HEAD' ? undefined : file.body);
    } catch (error) {
      // A client that gives up mid-request (a closed tab, a timeout on its side) is no fault of ours.
      if (error instanceof ClientGone) {
        logger.info(`http: the client closed the connection before sending its whole request (${request.url})`);
        return;
      }
      logger.error('http request failed', error);
      if (!response.headersSent) sendJson(response, 500, fail('internal'));
      else response.end();
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  const url = `http://${shownHost}:${port}`;
  return {
    url,
    pageUrl: `${url}/#token=${token}`,
    token,
    port,
    async close() {
      for (const stop of unsubscribe) stop();
      for (const stream of streams) stream.end();
      streams.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
