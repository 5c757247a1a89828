// Scripted borrowers whose funnel the flow tests know exactly.
import type { RunningService } from './service.js';

/** Three borrowers: one agrees, one asks for a person at once, one stops answering after the identity check. */
export const SCRIPTED = {
  agrees: [
    '你好',
    'LN-2024-0001',
    '1234',
    '1990-05-20',
    '失业',
    '暂时的',
    '3',
    '8000',
    '三千五',
    '没有',
    '1',
    '两千五',
    '方案1',
    '我同意',
  ],
  asksForPerson: ['你好', '人工'],
  leavesAtReason: ['你好', 'LN-2024-0001', '1234', '1990-05-20'],
};

export async function runScripted(service: RunningService): Promise<void> {
  for (const script of Object.values(SCRIPTED)) {
    const borrower = service.borrower();
    for (const text of script) await borrower.say(text);
  }
  const redelivered = service.borrower();
  const first = redelivered.activity({ text: '你好' });
  await redelivered.post(first);
  await redelivered.post(first);
  await redelivered.say('STOP');
}
