// After the machine has ended (agreed, closed) or while a person is coming: replies, reopening, and the flow's escalations.
import { describe, expect, it } from 'vitest';
import { replyAfterTheEnd } from '../../src/conversation/afterTheEnd.js';
import { escalationsOf } from '../../src/conversation/flowEscalations.js';
import { loadDialogBundle } from '../../src/dialogs/loadDialogBundle.js';
import type { CaseRecord, Handoff } from '../../src/domain/case.js';
import { copyDialogs } from '../helpers/dialogsCopy.js';

const bundle = loadDialogBundle('dialogs');
const AT = '2026-03-02T10:00:00.000Z';

function record(status: CaseRecord['status'], overrides: Partial<CaseRecord> = {}): CaseRecord {
  return {
    caseId: 'c-afterTheEnd',
    channelId: 'test',
    conversationId: 'conv-after',
    conversationRef: {},
    locale: 'zh-CN',
    flowVersion: bundle.version,
    snapshot: undefined,
    status,
    createdAt: AT,
    lastActivityAt: AT,
    ...overrides,
  };
}

const waiting: Handoff = { reason: 'declined', priority: 'normal', queuedAt: AT };
const said = (text: string, from: CaseRecord, b = bundle) =>
  replyAfterTheEnd({ record: from, text, value: undefined, bundle: b, at: AT });

describe('after the end of the conversation', () => {
  it("an agreed case, '协议编号是多少' – the agreement's reference, nothing reopened", () => {
    const after = said('协议编号是多少', record('agreed', { agreementRef: 'XS-2026-0042' }));
    expect(after.escalated).toBeUndefined();
    expect(after.record.status).toBe('agreed');
    expect(after.replies[0]?.text).toContain('XS-2026-0042');
  });

  it("a closed case, '这笔钱根本不是我借的，我要投诉' – reopened as a dispute, high, as the flow says", () => {
    const after = said('这笔钱根本不是我借的，我要投诉', record('closed'));
    expect(after.escalated).toMatchObject({ reason: 'dispute', priority: 'high', queuedAt: AT });
    expect(after.record).toMatchObject({ status: 'escalated', handoff: { reason: 'dispute' } });
    expect(after.append).toContainEqual(expect.objectContaining({ text: 'case.escalated' }));
    expect(after.replies[0]?.text).toBe(bundle.prompts['zh-CN'].get('escalation.dispute'));
  });

  it("an agreed case in English, 'can I talk to a real person please' – reopened for a person, normal", () => {
    const after = said('can I talk to a real person please', record('agreed', { locale: 'en' }));
    expect(after.escalated).toMatchObject({ reason: 'humanRequested', priority: 'normal' });
  });

  it("a case waiting for a person, '我真的撑不下去了，不想活了' – raised to urgent, queued again, the vulnerability reply", () => {
    const after = said('我真的撑不下去了，不想活了', record('escalated', { handoff: waiting }));
    expect(after.escalated).toMatchObject({ reason: 'vulnerability', priority: 'urgent', queuedAt: AT });
    expect(after.replies[0]?.text).toBe(bundle.prompts['zh-CN'].get('escalation.vulnerability'));
  });

  it("a case waiting for a person, '還要等多久' (zh-TW) – a holding message, no new escalation", () => {
    const after = said('還要等多久', record('escalated', { locale: 'zh-TW', handoff: waiting }));
    expect(after.escalated).toBeUndefined();
    expect(after.replies[0]?.text).toBe(bundle.prompts['zh-TW'].get('common.holding'));
  });

  it("a case an agent holds, '好的我考虑一下' – the bot stays silent", () => {
    const after = said('好的我考虑一下', record('escalated', { handoff: { ...waiting, agentId: 'agent-li' } }));
    expect(after).toMatchObject({ replies: [], append: [] });
  });

  it("'退订' on a closed case – opted out, told so, nothing reopened", () => {
    const after = said('退订', record('closed'));
    expect(after.escalated).toBeUndefined();
    expect(after.append).toContainEqual(expect.objectContaining({ text: 'contact.optedOut' }));
  });

  it('the escalations come from the flow: vulnerability urgent, dispute high, a person normal', () => {
    expect(Object.fromEntries(escalationsOf(bundle.flow))).toMatchObject({
      'vulnerability.disclosed': { reason: 'vulnerability', priority: 'urgent' },
      'dispute.raised': { reason: 'dispute', priority: 'high' },
      'human.requested': { reason: 'humanRequested', priority: 'normal' },
    });
  });

  it('a product owner makes disputes urgent in the flow – a dispute after the end reopens urgent too', () => {
    const copy = copyDialogs();
    copy.edit(
      'negotiation.flow.yaml',
      '{ type: escalate, params: { reason: dispute, priority: high } }',
      '{ type: escalate, params: { reason: dispute, priority: urgent } }',
    );
    const edited = loadDialogBundle(copy.dir);
    const after = said('这笔钱不是我借的', record('closed'), edited);
    expect(after.escalated).toMatchObject({ reason: 'dispute', priority: 'urgent' });
  });
});
