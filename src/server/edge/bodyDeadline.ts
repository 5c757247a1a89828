// A deadline for receiving a request body: a client that drips its body is answered 408 and disconnected.
import type { Server as HttpServer } from 'node:http';
import type { Next, Request, Response } from 'restify';

/** Headers (and anything Node times itself) get the same deadline as bodies. */
export function limitHeaderTime(httpServer: HttpServer, deadlineMs: number): void {
  httpServer.headersTimeout = deadlineMs;
  httpServer.requestTimeout = deadlineMs;
}

/**
 * Node's requestTimeout does not end a body that keeps dripping, so every request with a body gets
 * a timer of its own, cleared when the body has arrived (or the request is gone).
 */
export function bodyDeadline(deadlineMs: number) {
  return (req: Request, res: Response, next: Next): void => {
    const hasBody = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
    if (hasBody && !req.complete) {
      const timer = setTimeout(() => cutOff(req, res, deadlineMs), deadlineMs);
      timer.unref();
      const clear = () => clearTimeout(timer);
      req.once('end', clear);
      req.once('close', clear);
      res.once('finish', clear);
    }
    next();
  };
}

function cutOff(req: Request, res: Response, deadlineMs: number): void {
  if (req.complete) return;
  const socket = req.socket;
  // A peer that stopped reading would keep the answer (and the socket) pending: close it regardless.
  setTimeout(() => socket.destroy(), 1_000).unref();
  if (res.headersSent) return void socket.destroy();
  res.once('finish', () => socket.destroy());
  res.header('Connection', 'close');
  res.send(408, {
    error: { code: 'XS_BODY_TIMEOUT', message: `the request body did not arrive within ${deadlineMs} ms` },
  });
}
