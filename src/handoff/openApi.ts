// The agent API's OpenAPI 3.1 document, generated from the same zod schemas the routes validate with.
import { z } from 'zod';
import { ErrorBodySchema } from './deskSchemas.js';

export interface ApiOperation {
  method: 'get' | 'post';
  /** OpenAPI path, e.g. `/api/agent/cases/{caseId}/claim`. */
  path: string;
  summary: string;
  roles: readonly string[];
  request?: z.ZodType;
  response: z.ZodType;
  /** `text/event-stream` for the live stream; JSON otherwise. */
  stream?: boolean;
}

const ERRORS = {
  '400': 'the body or a parameter is not valid',
  '401': 'no bearer token, or an unknown one',
  '403': 'the role may not do this (or the offer is beyond its authority)',
  '404': 'no such case',
  '409': 'the case is not in a state for this (claimed by someone else, not escalated, …)',
} as const;

const schemaOf = (schema: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' });

export function openApiDocument(operations: readonly ApiOperation[]): Record<string, unknown> {
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
        ...(op.request && op.method === 'post'
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
            Object.entries(ERRORS).map(([status, description]) => [
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
    info: {
      title: 'xieshang agent desk API',
      version: '1.0.0',
      description:
        'Escalated cases: queue, claim, live chat with the borrower on their own channel, offers, agreements, hand-back and close.',
    },
    components: {
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description: 'API_TOKENS entries with role agent or supervisor; the stream also takes ?access_token=',
        },
      },
    },
    paths,
  };
}
