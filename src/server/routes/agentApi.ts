// The agent API's operations: one table that drives the routes, their validation and the OpenAPI document.
import { z } from 'zod';
import { claimCase } from '../../handoff/claimCase.js';
import type { DeskDeps } from '../../handoff/deskDeps.js';
import { listQueue, viewCase } from '../../handoff/deskQueue.js';
import {
  AgreementRequestSchema, AgreementResponseSchema, CaseViewSchema, ClaimRequestSchema, ClaimResponseSchema, CloseRequestSchema, CloseResponseSchema,
  DeliveryResponseSchema, HandBackResponseSchema, MessageRequestSchema, ProposalResponseSchema, ProposalSchema, QueueResponseSchema,
} from '../../handoff/deskSchemas.js';
import type { ApiOperation } from '../../handoff/openApi.js';
import { closeCase, handBack, recordAgreement } from '../../handoff/releaseCase.js';
import { proposeToBorrower, sayToBorrower } from '../../handoff/talkToBorrower.js';
import type { Principal } from '../auth.js';

export const DESK_ROLES = ['agent', 'supervisor'] as const;

export interface AgentOperation extends ApiOperation {
  handle(input: { deps: DeskDeps; agent: Principal; caseId: string; body: unknown }): Promise<unknown>;
}

const op = <Req extends z.ZodType | undefined>(spec: Omit<AgentOperation, 'handle' | 'roles' | 'request'> & { request?: Req; handle(input: { deps: DeskDeps; agent: Principal; caseId: string; body: Req extends z.ZodType ? z.infer<Req> : undefined }): Promise<unknown> }): AgentOperation =>
  ({ roles: DESK_ROLES, ...spec }) as AgentOperation;

export const PrincipalSchema = z.object({ id: z.string(), name: z.string(), role: z.string() });

export const AGENT_OPERATIONS: readonly AgentOperation[] = [
  op({ method: 'get', path: '/api/agent/me', summary: 'Who the token belongs to (the console shows the name)', response: PrincipalSchema, handle: async ({ agent }) => agent }),
  op({ method: 'get', path: '/api/agent/queue', summary: 'Escalated cases waiting for a person: urgent first, then the longest wait', response: QueueResponseSchema, handle: async ({ deps }) => ({ cases: await listQueue(deps) }) }),
  op({ method: 'get', path: '/api/agent/cases/{caseId}', summary: 'One case: facts, interview answers, offers shown and proposed, agreement, handoff reason, the whole transcript', response: CaseViewSchema, handle: ({ deps, caseId }) => viewCase(deps, caseId) }),
  op({ method: 'post', path: '/api/agent/cases/{caseId}/claim', summary: 'Claim a case (atomic: one agent holds it); supervisors may reassign', request: ClaimRequestSchema, response: ClaimResponseSchema, handle: ({ deps, agent, caseId, body }) => claimCase(deps, caseId, agent, body) }),
  op({ method: 'post', path: '/api/agent/cases/{caseId}/messages', summary: 'Send a message to the borrower on their own channel, signed with the agent\'s name', request: MessageRequestSchema, response: DeliveryResponseSchema, handle: ({ deps, agent, caseId, body }) => sayToBorrower(deps, caseId, agent, body.text) }),
  op({ method: 'post', path: '/api/agent/cases/{caseId}/offers', summary: 'Propose an offer computed by the rules module, optionally widened within the role\'s authority', request: ProposalSchema, response: ProposalResponseSchema, handle: ({ deps, agent, caseId, body }) => proposeToBorrower(deps, caseId, agent, body) }),
  op({ method: 'post', path: '/api/agent/cases/{caseId}/agreement', summary: 'Record the agreement the borrower accepted (same record and schedule as the bot\'s)', request: AgreementRequestSchema, response: AgreementResponseSchema, handle: ({ deps, agent, caseId, body }) => recordAgreement(deps, caseId, agent, body.offerId) }),
  op({ method: 'post', path: '/api/agent/cases/{caseId}/handback', summary: 'Hand the case back to the bot, which resumes at the offers (or the interview)', response: HandBackResponseSchema, handle: ({ deps, agent, caseId }) => handBack(deps, caseId, agent) }),
  op({ method: 'post', path: '/api/agent/cases/{caseId}/close', summary: 'Close the case with an outcome code', request: CloseRequestSchema, response: CloseResponseSchema, handle: ({ deps, agent, caseId, body }) => closeCase(deps, caseId, agent, body.outcome, body.note) }),
];
