// A device that passed the identity check speaks while the case asks a newer device who it is: not asked again.
import type { CaseStore } from '../../store/caseStore.js';
import { updateCase } from '../../handoff/updateCase.js';

/**
 * A case past its negotiation (agreed, escalated, closed) asking the identity questions for a device that joined
 * is verified again for a device that passed them; the newer device is asked again when it next writes. An active
 * case (its negotiation resumed at the identity check) is left asking.
 */
export async function keepCaseVerified(store: CaseStore, caseId: string): Promise<void> {
  const loaded = await store.load(caseId);
  if (!loaded.record?.reverify) return;
  await updateCase(store, caseId, (record) => {
    if (!record.reverify) return { record, append: [], result: undefined };
    const { reverify: _asking, ...rest } = record;
    return { record: { ...rest, identityVerified: true }, append: [], result: undefined };
  });
}
