// A lean Bot Framework connector for the bots' replies: reads the body and answers 200 {id}, storing nothing.
import { createServer } from 'node:http';
import { serveToParent } from './childProtocol.js';

let counter = 0;
const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    const body = `{"id":"r-${++counter}"}`;
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  });
});
server.keepAliveTimeout = 60_000;
serveToParent(server, undefined, () => ({ posts: counter }));
