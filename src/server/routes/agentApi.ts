// The agent API's operations: one table that drives the routes, their validation and the OpenAPI document.
import { z } from 'zod';
import { claimCase } from '../../handoff/claimCase.js';
import type { DeskDeps } from '../../handoff/deskDeps.js';
import { listQueue, viewCase } from '../../handoff/deskQueue.js';
import {
  AgreementRequestSchema,
  AgreementResponseSchema,
  CaseViewSchema,
  ClaimRequestSchema,
  ClaimResponseSchema,
  CloseRequestSchema,
  CloseResponseSchema,
  CaseListResponseSchema,
  ConsoleSettingsSchema,
  FloorResponseSchema,
  SatisfactionResponseSchema,
  NoteRequestSchema,
  NoteResponseSchema,
  StaffResponseSchema,
  TransferRequestSchema,
  TransferResponseSchema,
  DeliveryResponseSchema,
  HandBackResponseSchema,
  MessageRequestSchema,
  ProposalResponseSchema,
  ProposalSchema,
  QueueResponseSchema,
} from '../../handoff/deskSchemas.js';
import type { ApiOperation } from '../../handoff/openApi.js';
import { closeCase, handBack, recordAgreement } from '../../handoff/releaseCase.js';
import { proposeToBorrower, sayToBorrower } from '../../handoff/talkToBorrower.js';
import type { Principal } from '../auth.js';
import { HttpError } from '../../errors.js';
import { addNote } from '../../handoff/addNote.js';
import { CaseListQuerySchema, listCases } from '../../handoff/deskViews.js';
import { supervisorFloor } from '../../handoff/supervisorFloor.js';
import { satisfactionByAgent } from '../../handoff/satisfactionSurvey.js';
import { transferCase } from '../../handoff/transferCase.js';

export const DESK_ROLES = ['agent', 'supervisor'] as const;

export interface AgentOperation extends ApiOperation {
  handle(input: { deps: DeskDeps; agent: Principal; caseId: string; body: unknown }): Promise<unknown>;
}

function staffMember(deps: DeskDeps, agentId: string) {
  const member = deps.staff.find((candidate) => candidate.id === agentId);
  if (!member) throw new HttpError(400, `toAgentId ${agentId} is not an agent or supervisor`);
  return member;
}

const op = <Req extends z.ZodType | undefined>(
  spec: Omit<AgentOperation, 'handle' | 'roles' | 'request'> & {
    roles?: readonly ('agent' | 'supervisor')[];
    request?: Req;
    handle(input: {
      deps: DeskDeps;
      agent: Principal;
      caseId: string;
      body: Req extends z.ZodType ? z.infer<Req> : undefined;
    }): Promise<unknown>;
  },
): AgentOperation => ({ roles: DESK_ROLES, ...spec }) as AgentOperation;

export const PrincipalSchema = z.object({ id: z.string(), name: z.string(), role: z.string() });

export const AGENT_OPERATIONS: readonly AgentOperation[] = [
  op({
    method: 'get',
    path: '/api/agent/me',
    summary: 'Who the token belongs to (the console shows the name)',
    response: PrincipalSchema,
    handle: async ({ agent }) => agent,
  }),
  op({
    method: 'get',
    path: '/api/agent/queue',
    summary: 'Escalated cases waiting for a person: urgent first, then the longest wait',
    response: QueueResponseSchema,
    handle: async ({ deps }) => ({ cases: await listQueue(deps) }),
  }),
  op({
    method: 'get',
    path: '/api/agent/cases',
    summary:
      "The console's views: queue, mine, waiting (for the borrower), open (supervisors), closed; filters; `q` searches account reference, case id and agreement reference",
    request: CaseListQuerySchema,
    response: CaseListResponseSchema,
    handle: async ({ deps, agent, body }) => ({
      cases: await listCases(deps.index, agent, body),
      now: deps.clock().toISOString(),
    }),
  }),
  op({
    method: 'get',
    path: '/api/agent/staff',
    summary: 'Everyone who works the desk, and who has a console open (transfer targets)',
    response: StaffResponseSchema,
    handle: async ({ deps }) => ({
      staff: deps.staff.map((a) => ({ ...a, online: deps.presence.online().includes(a.id) })),
    }),
  }),
  op({
    method: 'get',
    path: '/api/agent/settings',
    summary: 'Canned replies per locale and the service targets per priority (from dialogs/)',
    response: ConsoleSettingsSchema,
    handle: async ({ deps }) => ({
      canned: deps.dialogs.current().canned,
      targets: deps.dialogs.current().policy.deskTargets,
    }),
  }),
  op({
    method: 'get',
    path: '/api/agent/floor',
    summary:
      "Supervisors: agents online and their load, the queue with waits, today's outcomes and average first response",
    roles: ['supervisor'],
    response: FloorResponseSchema,
    handle: ({ deps }) => supervisorFloor(deps),
  }),
  op({
    method: 'get',
    path: '/api/agent/satisfaction',
    summary: "Supervisors: the borrowers' ratings after each agent's closes (survey 1–5): average and count per agent",
    roles: ['supervisor'],
    response: SatisfactionResponseSchema,
    handle: async ({ deps }) => ({ agents: satisfactionByAgent(await deps.index.list(), deps.staff) }),
  }),
  op({
    method: 'get',
    path: '/api/agent/cases/{caseId}',
    summary:
      'One case: facts, interview answers, offers shown and proposed, agreement, handoff reason, the whole transcript. Agents: a queued case, their own, or an ended one they worked (else 403); supervisors: any',
    response: CaseViewSchema,
    handle: ({ deps, agent, caseId }) => viewCase(deps, caseId, agent),
  }),
  op({
    method: 'post',
    path: '/api/agent/cases/{caseId}/claim',
    summary: 'Claim a case (atomic: one agent holds it); supervisors may reassign',
    request: ClaimRequestSchema,
    response: ClaimResponseSchema,
    handle: ({ deps, agent, caseId, body }) => claimCase(deps, caseId, agent, body),
  }),
  op({
    method: 'post',
    path: '/api/agent/cases/{caseId}/messages',
    summary: "Send a message to the borrower on their own channel, signed with the agent's name",
    request: MessageRequestSchema,
    response: DeliveryResponseSchema,
    handle: ({ deps, agent, caseId, body }) => sayToBorrower(deps, caseId, agent, body.text),
  }),
  op({
    method: 'post',
    path: '/api/agent/cases/{caseId}/notes',
    summary: 'An internal note on the case: shown to agents, never sent to the borrower',
    request: NoteRequestSchema,
    response: NoteResponseSchema,
    handle: ({ deps, agent, caseId, body }) => addNote(deps, caseId, agent, body.text),
  }),
  op({
    method: 'post',
    path: '/api/agent/cases/{caseId}/transfer',
    summary: "Transfer a held case to another agent, or (without toAgentId) to the supervisors' queue, with a note",
    request: TransferRequestSchema,
    response: TransferResponseSchema,
    handle: ({ deps, agent, caseId, body }) =>
      transferCase(deps, caseId, agent, {
        ...(body.toAgentId ? { to: staffMember(deps, body.toAgentId) } : {}),
        ...(body.note ? { note: body.note } : {}),
      }),
  }),
  op({
    method: 'post',
    path: '/api/agent/cases/{caseId}/offers',
    summary: "Propose an offer computed by the rules module, optionally widened within the role's authority",
    request: ProposalSchema,
    response: ProposalResponseSchema,
    handle: ({ deps, agent, caseId, body }) => proposeToBorrower(deps, caseId, agent, body),
  }),
  op({
    method: 'post',
    path: '/api/agent/cases/{caseId}/agreement',
    summary: "Record the agreement the borrower accepted (same record and schedule as the bot's)",
    request: AgreementRequestSchema,
    response: AgreementResponseSchema,
    handle: ({ deps, agent, caseId, body }) => recordAgreement(deps, caseId, agent, body.offerId),
  }),
  op({
    method: 'post',
    path: '/api/agent/cases/{caseId}/handback',
    summary: 'Hand the case back to the bot, which resumes at the offers (or the interview)',
    response: HandBackResponseSchema,
    handle: ({ deps, agent, caseId }) => handBack(deps, caseId, agent),
  }),
  op({
    method: 'post',
    path: '/api/agent/cases/{caseId}/close',
    summary: 'Close the case with an outcome code',
    request: CloseRequestSchema,
    response: CloseResponseSchema,
    handle: ({ deps, agent, caseId, body }) => closeCase(deps, caseId, agent, body.outcome, body.note),
  }),
];
