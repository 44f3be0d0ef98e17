// The Content Security Policy of the renderer, the same whether Electron (app://) or the HTTP door serves it:
// only our own scripts, no inline script, no remote anything. Mantine sets inline styles, hence 'unsafe-inline'
// for styles only.
export const RENDERER_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');
