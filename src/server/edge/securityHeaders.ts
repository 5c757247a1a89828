// Security headers on every answer; pages that load scripts or styles widen the CSP with pagePolicy.
import type { Request, Response, Next } from 'restify';

/** APIs and anything without its own policy: nothing may be loaded, framed or sniffed. */
const DEFAULT_HEADERS: Record<string, string> = {
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

export function securityHeaders(_req: Request, res: Response, next: Next): void {
  for (const [name, value] of Object.entries(DEFAULT_HEADERS)) res.setHeader(name, value);
  next();
}

/** The CSP of a page served by us: its own scripts and styles, connections back to us (and WebSockets), never framed. */
export function pagePolicy(options: { inlineStyles?: boolean; webSockets?: boolean } = {}): string {
  const style = options.inlineStyles ? "'self' 'unsafe-inline'" : "'self'";
  const connect = options.webSockets ? "'self' ws: wss:" : "'self'";
  return `default-src 'self'; script-src 'self'; style-src ${style}; img-src 'self' data: blob:; font-src 'self' data:; connect-src ${connect}; frame-ancestors 'none'; base-uri 'none'; form-action 'self'`;
}
