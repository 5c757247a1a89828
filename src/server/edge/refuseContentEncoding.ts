// Refuses compressed request bodies (415): restify's gunzip crashes the process on a bad stream and lets a bomb past the size cap.
import type { Request, Response, Next } from 'restify';

/** Channels and browsers send plain JSON; anything but `identity` is refused before the body is read. */
export function refuseContentEncoding(req: Request, res: Response, next: Next): void {
  const encoding = req.headers['content-encoding']?.trim().toLowerCase();
  if (encoding === 'identity') delete req.headers['content-encoding']; // restify's body reader knows only none and gzip
  if (!encoding || encoding === 'identity') return next();
  res.header('Accept-Encoding', 'identity');
  res.header('Connection', 'close');
  res.send(415, {
    error: {
      code: 'XS_UNSUPPORTED_ENCODING',
      message: `Content-Encoding ${JSON.stringify(encoding)} is not supported: send the body uncompressed`,
    },
  });
  next(false);
}
