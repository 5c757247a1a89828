// GET /healthz (the process is alive) and GET /readyz (the store answers; otherwise 503).
import type { Server } from 'restify';
import type { CaseStore } from '../../store/caseStore.js';

export function healthRoutes(server: Server, deps: { store: CaseStore; version: () => string }): void {
  server.get('/healthz', async (_req, res) => {
    res.send(200, { status: 'ok' });
  });
  server.get('/readyz', async (_req, res) => {
    try {
      await deps.store.ping();
      res.send(200, { status: 'ready', flowVersion: deps.version() });
    } catch (error) {
      res.send(503, { status: 'unavailable', reason: (error as Error).message });
    }
  });
}
