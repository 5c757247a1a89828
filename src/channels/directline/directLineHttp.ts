// Small HTTP helpers of the Direct Line routes: CORS, the bearer token, the public base URL, the query.
import type { Request, Response, Server } from 'restify';
import type { Logger } from 'pino';
import { HttpError } from '../../errors.js';
import { answer as answerWith } from '../../server/httpErrors.js';

/** Web Chat on another origin sends Authorization, Content-Type and its own x-ms-bot-agent header; no cookies, so `*` (never an echoed Origin). */
function allowCors(_req: Request, res: Response): void {
  res.header('Access-Control-Allow-Origin', '*');
  res.header('Access-Control-Allow-Headers', 'authorization, content-type, x-ms-bot-agent');
  res.header('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
  res.header('Access-Control-Max-Age', '600');
}

/** Preflight answers for every Direct Line path (restify 11 has no CORS plugin). */
export function corsPreflight(server: Server, path: string): void {
  server.opts(path, async (req, res) => {
    allowCors(req, res);
    res.send(204);
  });
}

/** An async handler answering `[status, body]`, with CORS headers; every error goes through sendError. */
export function answer(logger: Logger, handler: (req: Request) => Promise<[number, unknown]>) {
  const answering = answerWith(logger, handler);
  return async (req: Request, res: Response): Promise<void> => {
    allowCors(req, res);
    await answering(req, res);
  };
}

export function bearerToken(req: Request): string {
  const token = /^Bearer\s+(\S+)$/i.exec(req.header('authorization') ?? '')?.[1];
  if (!token) throw new HttpError(401, 'a Direct Line token is required (Authorization: Bearer <token>)');
  return token;
}

/** PUBLIC_URL when configured, else the scheme and Host header of the request. */
export function publicBase(req: Request, publicUrl: string | undefined): string {
  if (publicUrl) return publicUrl.replace(/\/+$/, '');
  const forwarded = req.header('x-forwarded-proto')?.split(',')[0]?.trim();
  const scheme = forwarded === 'https' || forwarded === 'http' ? forwarded : 'http';
  return `${scheme}://${req.header('host') ?? 'localhost'}`;
}

export function queryParam(req: Request, name: string): string | undefined {
  return new URL(req.url ?? '/', 'http://localhost').searchParams.get(name) ?? undefined;
}

/** `?watermark=` as a log index: empty or absent is the beginning. */
export function watermarkOf(raw: string | undefined | null): number {
  if (!raw) return 0;
  if (!/^\d{1,9}$/.test(raw))
    throw new HttpError(400, `watermark ${JSON.stringify(raw)}: expected the watermark of an earlier answer`);
  return Number(raw);
}
