import { request } from 'node:http';
import { connect } from 'node:net';

export type RawResponse = { status: number; headers: Record<string, string | string[] | undefined>; body: string };

/** A plain HTTP request over a real TCP socket, with full control of Host and Origin (fetch forbids setting Host). */
export function rawRequest(options: {
  port: number;
  path: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: options.port,
        path: options.path,
        method: options.method ?? 'GET',
        headers: options.headers,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => {
          body += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

export type EventStream = {
  /** Every event received so far, in order. */
  events: Array<{ event: string; data: unknown }>;
  /** Resolves with the first event (already received or still to come) that `match` accepts. */
  next(match: (event: { event: string; data: unknown }) => boolean): Promise<{ event: string; data: unknown }>;
  close(): void;
};

/** Reads the HTTP door's Server-Sent Events (`GET /api/events?token=…`) as a browser's EventSource would. */
export function openEventStream(port: number, token: string): Promise<EventStream> {
  return new Promise((resolve, reject) => {
    const events: EventStream['events'] = [];
    const waiters: Array<{ match: (e: EventStream['events'][number]) => boolean; resolve: (e: unknown) => void }> = [];
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: `/api/events?token=${encodeURIComponent(token)}`,
        headers: { host: `127.0.0.1:${port}` },
      },
      (res) => {
        let buffer = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          buffer += chunk;
          for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const event = /^event: (.*)$/m.exec(block)?.[1];
            const data = /^data: (.*)$/m.exec(block)?.[1];
            if (!event || data === undefined) continue;
            const received = { event, data: JSON.parse(data) as unknown };
            events.push(received);
            for (const waiter of [...waiters]) {
              if (waiter.match(received)) {
                waiters.splice(waiters.indexOf(waiter), 1);
                waiter.resolve(received);
              }
            }
          }
        });
        resolve({
          events,
          next: (match) => {
            const seen = events.find(match);
            if (seen) return Promise.resolve(seen);
            return new Promise((done) => waiters.push({ match, resolve: done as (e: unknown) => void }));
          },
          close: () => req.destroy(),
        });
      },
    );
    req.on('error', (error) => {
      if ((error as NodeJS.ErrnoException).code !== 'ECONNRESET') reject(error);
    });
    req.end();
  });
}

/**
 * Sends `text` as it is over a TCP socket and resolves with everything the server answered until it closed
 * the connection: for requests an HTTP client will not send (two Host headers). Send `connection: close`.
 */
export function rawExchange(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port }, () => socket.end(text));
    let answer = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      answer += chunk;
    });
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
  });
}
