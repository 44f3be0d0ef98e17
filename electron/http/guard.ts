import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

// A local web server must not be usable by other web pages the same PC has open. Three checks:
// - Host must name this server (defeats DNS rebinding: evil.example resolving to 127.0.0.1), and come once:
//   Node keeps the first of two, and anything in between (a proxy, a logger) may read the other;
// - Origin, when a browser sends one, must be this server (defeats cross-site requests);
// - every API request carries the per-launch token, which only the page we served was given.

export type Refusal = 'duplicate_host' | 'forbidden' | 'unauthorized';

export type Guard = {
  /**
   * 'duplicate_host' for more than one Host header, 'forbidden' for a foreign Host or Origin, 'unauthorized'
   * for a missing or wrong token, null when allowed.
   */
  check(request: IncomingMessage, needsToken: boolean, token?: string | null): Refusal | null;
};

/** How many Host headers the request had: `headers.host` shows only the first. */
function hostHeaders(request: IncomingMessage): number {
  let count = 0;
  for (let i = 0; i < request.rawHeaders.length; i += 2) {
    if (request.rawHeaders[i]?.toLowerCase() === 'host') count++;
  }
  return count;
}

export function createGuard(options: { token: string; allowedHosts: () => string[] }): Guard {
  const expected = Buffer.from(options.token);
  const tokenMatches = (given: string | null | undefined) => {
    if (!given) return false;
    const buffer = Buffer.from(given);
    return buffer.length === expected.length && timingSafeEqual(buffer, expected);
  };
  return {
    check(request, needsToken, token) {
      if (hostHeaders(request) > 1) return 'duplicate_host';
      const hosts = options.allowedHosts();
      const host = request.headers.host?.toLowerCase();
      if (!host || !hosts.includes(host)) return 'forbidden';
      const origin = request.headers.origin;
      if (origin !== undefined && !hosts.some((allowed) => origin.toLowerCase() === `http://${allowed}`)) {
        return 'forbidden';
      }
      if (needsToken && !tokenMatches(token)) return 'unauthorized';
      return null;
    },
  };
}
