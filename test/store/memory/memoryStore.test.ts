// Runs the store contracts on the in-memory store (one process: the peer is the same object).
import { MemoryCaseStore, MemoryHandoffQueue } from '../../../src/store/memory/memoryStore.js';
import { describeCaseStoreContract, describeHandoffQueueContract } from '../caseStore.contract.js';

describeCaseStoreContract('memory', async () => {
  const store = new MemoryCaseStore();
  return { store, peer: store, close: () => store.close() };
});

describeHandoffQueueContract('memory', async () => {
  const queue = new MemoryHandoffQueue();
  return { queue, peer: queue, close: async () => {} };
});
