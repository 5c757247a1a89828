// Editing a flow version (role product_owner): its files and form, a check as the product owner types, publish, make current.
import type { Server } from 'restify';
import type { Logger } from 'pino';
import { z } from 'zod';
import { HttpError } from '../../errors.js';
import { isError } from '../../../machines/flow.js';
import { checkDialogs } from '../../dialogs/loadDialogBundle.js';
import type { Flows } from '../../dialogs/versions/openFlows.js';
import { applyEdits, FlowEditsSchema, UnknownField } from '../../dialogs/versions/flowEdits.js';
import { fieldProblems } from '../../dialogs/versions/fieldProblems.js';
import { editForm } from '../../dialogs/versions/editForm.js';
import { diffVersions } from '../../dialogs/versions/versionDiff.js';
import type { TokenAuth } from '../auth.js';
import { LOCALES, type Account } from '../../domain/account.js';
import { previewPrompt } from '../../dialogs/versions/promptPreview.js';
import { answer } from '../httpErrors.js';
import { describeIssues } from '../../zodIssues.js';
import { VIEWERS } from './flowsFunnel.js';

export const EDITORS = ['product_owner'] as const;
const Version = z.string().regex(/^[0-9a-f]{6,64}$/, 'a flow version (hex content hash)');
const CheckSchema = z.strictObject({ base: Version, edits: FlowEditsSchema });
const PreviewSchema = z.strictObject({ base: Version, locale: z.enum(LOCALES), text: z.string().max(2000) });
const PublishSchema = CheckSchema.extend({
  name: z.string().trim().min(1, 'a name for the version').max(80),
  note: z.string().trim().min(1, 'a change note: why this version').max(1000),
});
/** Problems are reported against this name, never the server's folder. */
const DIR = 'dialogs';

export interface PublishDeps {
  flows: Flows;
  auth: TokenAuth;
  logger: Logger;
  clock: () => Date;
  /** The demo borrowers (development and tests): a preview is rendered with the first one's figures. */
  demoAccounts: readonly Account[];
}

export function publishRoutes(server: Server, deps: PublishDeps): void {
  const { flows, auth, logger } = deps;
  const parse = <T>(schema: z.ZodType<T>, body: unknown): T => {
    const parsed = schema.safeParse(body ?? {});
    if (!parsed.success) throw new HttpError(400, describeIssues(parsed.error, 'body'));
    return parsed.data;
  };
  const filesOf = async (version: string) => {
    const files = await flows.dialogs.files(version);
    if (!files) throw new HttpError(404, `no flow version ${version}`);
    return files;
  };
  /** The edited files, or 400 naming the field an edit does not fit. */
  const edited = async (base: string, edits: z.infer<typeof FlowEditsSchema>) => {
    try {
      return applyEdits(await filesOf(base), edits);
    } catch (error) {
      if (!(error instanceof UnknownField)) throw error;
      throw new HttpError(400, error.message);
    }
  };

  server.get(
    '/api/flows/:version/files',
    answer(logger, async (req) => {
      auth.authorize(req, VIEWERS);
      const version = parse(z.object({ version: Version }), req.params).version;
      return [200, { version, files: Object.fromEntries(await filesOf(version)) }];
    }),
  );

  server.get(
    '/api/flows/diff',
    answer(logger, async (req) => {
      auth.authorize(req, VIEWERS);
      const query = Object.fromEntries(new URL(req.url ?? '/', 'http://localhost').searchParams);
      const { from, to } = parse(z.object({ from: Version, to: Version }), query);
      const [filesA, filesB] = await Promise.all([filesOf(from), filesOf(to)]);
      const [a, b] = await Promise.all([flows.dialogs.get(from), flows.dialogs.get(to)]);
      return [200, diffVersions(a, b, filesA, filesB)];
    }),
  );

  server.get(
    '/api/flows/:version/form',
    answer(logger, async (req) => {
      auth.authorize(req, EDITORS);
      const version = parse(z.object({ version: Version }), req.params).version;
      const bundle = await flows.dialogs.get(version);
      return [200, { version, ...editForm(await filesOf(version), bundle) }];
    }),
  );

  server.post(
    '/api/flows/check',
    answer(logger, async (req) => {
      auth.authorize(req, EDITORS);
      const { base, edits } = parse(CheckSchema, req.body);
      const { problems } = checkDialogs(DIR, await edited(base, edits));
      return [200, { ok: !problems.some(isError), problems: fieldProblems(problems) }];
    }),
  );

  server.post(
    '/api/flows/preview',
    answer(logger, async (req) => {
      auth.authorize(req, EDITORS);
      const { base, locale, text } = parse(PreviewSchema, req.body);
      const account = deps.demoAccounts[0];
      if (!account)
        throw new HttpError(409, 'no demo borrower here (ACCOUNTS_FILE is not set): nothing to preview with');
      await filesOf(base);
      const bundle = await flows.dialogs.get(base);
      return [200, { text: previewPrompt(bundle, account, locale, text), accountRef: account.accountRef }];
    }),
  );

  server.post(
    '/api/flows/publish',
    answer(logger, async (req) => {
      const editor = auth.authorize(req, EDITORS);
      const { base, edits, name, note } = parse(PublishSchema, req.body);
      const files = await edited(base, edits);
      const at = deps.clock().toISOString();
      const result = await flows.dialogs.publish(files, { name, note, by: editor.id, at, basedOn: base });
      if (!result.ok)
        return [
          422,
          {
            error: { code: 'XS_FLOW_INVALID', message: 'not published: the check found errors' },
            problems: fieldProblems(result.problems),
          },
        ];
      logger.info({ by: editor.id, flowVersion: result.version, previous: result.previous }, 'flow version published');
      return [201, { version: result.version, previous: result.previous, name, note, by: editor.id, at }];
    }),
  );

  server.post(
    '/api/flows/:version/current',
    answer(logger, async (req) => {
      const editor = auth.authorize(req, EDITORS);
      const version = parse(z.object({ version: Version }), req.params).version;
      const result = await flows.dialogs.makeCurrent(version, editor.id);
      if (!result.ok)
        return [
          422,
          {
            error: { code: 'XS_FLOW_INVALID', message: `${version} cannot serve: the check found errors` },
            problems: fieldProblems(result.problems),
          },
        ];
      logger.info({ by: editor.id, flowVersion: version, previous: result.previous }, 'flow version made current');
      return [200, { version, previous: result.previous }];
    }),
  );
}
