// Maps an app:// request URL to a file of the built renderer. Plain Node (no electron import) so it is unit-tested.
import path from 'node:path';

/**
 * The file inside `rootDir` that `requestUrl` names, or null when the URL has another scheme or host, cannot be
 * decoded, or resolves outside `rootDir` (path traversal). `/` maps to index.html.
 */
export function resolveRendererFile(requestUrl: string, origin: string, rootDir: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  // WHATWG URL gives a custom scheme an opaque origin ("null"), so compare scheme and host directly.
  if (`${url.protocol}//${url.host}` !== origin) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  if (pathname === '' || pathname.endsWith('/')) pathname = `${pathname}index.html`;
  const root = path.resolve(rootDir);
  const file = path.resolve(root, `.${pathname.startsWith('/') ? '' : '/'}${pathname}`);
  const rel = path.relative(root, file);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return null;
  return file;
}
