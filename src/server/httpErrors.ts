// The one place an error becomes an HTTP answer: { error: { code, message } } with its status.
import type { Request, Response } from 'restify';
import type { Logger } from 'pino';
import { RateLimitedError, XieshangError } from '../errors.js';

export function sendError(res: Response, error: unknown, logger: Logger): void {
  if (error instanceof RateLimitedError) res.header('Retry-After', String(error.retryAfterSeconds));
  if (error instanceof XieshangError && error.status !== undefined && error.status < 500) {
    res.send(error.status, { error: { code: error.code, message: error.message } });
    return;
  }
  if (error instanceof XieshangError && error.status === 503) {
    res.header('Retry-After', '1');
    res.send(503, { error: { code: error.code, message: 'temporarily unavailable, please retry' } });
    return;
  }
  logger.error({ err: error }, 'request failed');
  res.send(500, { error: { code: 'XS_INTERNAL', message: 'internal error' } });
}

/** A route handler that answers `[status, body]`; whatever it throws becomes its HTTP answer through sendError. */
export function answer(logger: Logger, handler: (req: Request) => Promise<[number, unknown]>) {
  return async (req: Request, res: Response): Promise<void> => {
    try {
      const [status, body] = await handler(req);
      res.send(status, body);
    } catch (error) {
      sendError(res, error, logger);
    }
  };
}
