// POST /api/admin/clock {advanceTo} (role admin, never in production): the test clock moves the service's time and runs every job due by then, in order.
import type { Server } from 'restify';
import type { Logger } from 'pino';
import { z } from 'zod';
import { HttpError } from '../../errors.js';
import type { ServiceClock } from '../../followup/serviceClock.js';
import type { Scheduler } from '../../followup/scheduler.js';
import type { TokenAuth } from '../auth.js';
import { answer } from '../httpErrors.js';

const BodySchema = z.strictObject({ advanceTo: z.iso.datetime({ offset: true }) });

export function adminClockRoutes(
  server: Server,
  deps: { auth: TokenAuth; clock: ServiceClock; scheduler: Scheduler; production: boolean; logger: Logger },
): void {
  server.post(
    '/api/admin/clock',
    answer(deps.logger, async (req) => {
      const admin = deps.auth.authorize(req, ['admin']);
      if (deps.production) throw new HttpError(403, 'the test clock is refused in production: time cannot be moved');
      const body = BodySchema.safeParse(req.body);
      if (!body.success)
        throw new HttpError(
          400,
          `advanceTo: ${body.error.issues[0]?.message} (an ISO date-time, e.g. 2027-01-05T08:00:00+08:00)`,
        );
      const target = new Date(body.data.advanceTo);
      const now = deps.clock.now();
      if (target.getTime() < now.getTime())
        throw new HttpError(
          400,
          `advanceTo ${target.toISOString()} is before the service's time ${now.toISOString()}: the clock only moves forward`,
        );
      const jobsRun = await deps.scheduler.runDue(target, (at) => deps.clock.moveTo(at));
      await deps.clock.moveTo(target);
      deps.logger.info({ by: admin.id, to: target.toISOString(), jobsRun }, 'test clock advanced');
      return [200, { now: deps.clock.now().toISOString(), jobsRun }];
    }),
  );
}
