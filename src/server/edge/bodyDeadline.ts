// A deadline for receiving a request body: a client that drips its body is answered 408 and disconnected.
import type { IncomingMessage, Server as HttpServer, ServerResponse } from 'node:http';

/**
 * Node's requestTimeout does not end a body that keeps dripping, so every request with a body gets
 * a timer of its own, cleared when the body has arrived (or the request is gone).
 */
export function enforceBodyDeadline(httpServer: HttpServer, deadlineMs: number): void {
  httpServer.headersTimeout = deadlineMs;
  httpServer.requestTimeout = deadlineMs;
  httpServer.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const hasBody = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
    if (!hasBody || req.complete) return;
    const timer = setTimeout(() => cutOff(req, res, deadlineMs), deadlineMs);
    timer.unref();
    const clear = () => clearTimeout(timer);
    req.once('end', clear);
    req.once('close', clear);
    res.once('finish', clear);
  });
}

function cutOff(req: IncomingMessage, res: ServerResponse, deadlineMs: number): void {
  if (req.complete) return;
  const socket = req.socket;
  if (res.headersSent) {
    socket.destroy();
    return;
  }
  const body = JSON.stringify({ error: { code: 'XS_BODY_TIMEOUT', message: `the request body did not arrive within ${deadlineMs} ms` } });
  res.writeHead(408, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), connection: 'close' });
  res.end(body, () => socket.destroy());
  // A peer that stopped reading would keep the answer (and the socket) pending: close it regardless.
  setTimeout(() => socket.destroy(), 1_000).unref();
}
