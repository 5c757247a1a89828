// The agent API's OpenAPI 3.1 document, generated from the same zod schemas the routes validate with.
import { z } from 'zod';
import { ErrorBodySchema } from './deskSchemas.js';

export interface ApiOperation {
  method: 'get' | 'post' | 'put' | 'delete';
  /** OpenAPI path, e.g. `/api/agent/cases/{caseId}/claim`. */
  path: string;
  summary: string;
  roles: readonly string[];
  request?: z.ZodType;
  response: z.ZodType;
  /** `text/event-stream` for the live stream; JSON otherwise. */
  stream?: boolean;
  /** A body that is not JSON (e.g. CSV): media type → description; `request` is then not used for the body. */
  rawBody?: Record<string, string>;
}

/** The document's title and how its bearer tokens are described. */
export interface ApiInfo {
  title: string;
  description: string;
  tokens: string;
  /** Error answers every operation may give, by status. */
  errors?: Record<string, string>;
}

const AGENT_INFO: ApiInfo = {
  title: 'xieshang agent desk API',
  description:
    'Escalated cases: queue, claim, live chat with the borrower on their own channel, offers, agreements, hand-back and close.',
  tokens: 'API_TOKENS entries with role agent or supervisor; the stream also takes ?access_token=',
};

const ERRORS = {
  '400': 'the body or a parameter is not valid',
  '401': 'no bearer token, or an unknown one',
  '403': 'the role may not do this (or the offer is beyond its authority)',
  '404': 'no such case',
  '409': 'the case is not in a state for this (claimed by someone else, not escalated, …)',
} as const;

const schemaOf = (schema: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' });

export function openApiDocument(
  operations: readonly ApiOperation[],
  info: ApiInfo = AGENT_INFO,
): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operations) {
    const parameters = [...op.path.matchAll(/\{(\w+)\}/g)].map((match) => ({
      name: match[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    const content = op.stream
      ? {
          'text/event-stream': {
            schema: {
              type: 'string',
              description: 'Server-Sent Events; each `data:` line is one JSON object of this schema',
            },
            'x-event-schema': schemaOf(op.response, 'output'),
          },
        }
      : { 'application/json': { schema: schemaOf(op.response, 'output') } };
    paths[op.path] = {
      ...paths[op.path],
      [op.method]: {
        summary: op.summary,
        description: `Roles: ${op.roles.join(', ') || 'none (public)'}.`,
        ...(op.roles.length > 0 ? { security: [{ bearer: [] }] } : {}),
        ...(parameters.length > 0 ? { parameters } : {}),
        ...(op.request && op.method === 'get'
          ? {
              parameters: [
                ...parameters,
                { name: 'filter', in: 'query', style: 'form', explode: true, schema: schemaOf(op.request, 'input') },
              ],
            }
          : {}),
        ...(op.rawBody
          ? {
              requestBody: {
                required: true,
                content: Object.fromEntries(
                  Object.entries(op.rawBody).map(([type, description]) => [
                    type,
                    { schema: { type: 'string', description } },
                  ]),
                ),
              },
            }
          : {}),
        ...(op.request && (op.method === 'post' || op.method === 'put') && !op.rawBody
          ? {
              requestBody: {
                required: true,
                content: { 'application/json': { schema: schemaOf(op.request, 'input') } },
              },
            }
          : {}),
        responses: {
          '200': { description: 'OK', content },
          ...Object.fromEntries(
            Object.entries(info.errors ?? ERRORS).map(([status, description]) => [
              status,
              { description, content: { 'application/json': { schema: schemaOf(ErrorBodySchema, 'output') } } },
            ]),
          ),
        },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: info.title, version: '1.0.0', description: info.description },
    components: {
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description: info.tokens,
        },
      },
    },
    paths,
  };
}
