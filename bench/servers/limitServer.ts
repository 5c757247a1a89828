// The limit: bare restify parsing a Bot-Framework-sized JSON body and sending it back.
import restify from 'restify';
import { serveToParent } from './childProtocol.js';

const server = restify.createServer({ name: 'limit', handleUncaughtExceptions: false });
server.use(restify.plugins.bodyParser({ mapParams: false }));
server.post('/api/messages', (req, res, next) => {
  res.send(200, req.body);
  next();
});
serveToParent(server);
