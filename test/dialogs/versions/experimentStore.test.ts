// The experiment store contract on the in-memory stores and on real Redis over TCP (two instances on one prefix).
import { describeOnBothStores } from '../../helpers/storesForContracts.js';
import { describeExperimentStoreContract } from './experimentStore.contract.js';

await describeOnBothStores('xp', (name, open) =>
  describeExperimentStoreContract(name, async () => {
    const stores = await open();
    return { store: stores.experiments, peer: stores.peer.experiments, close: () => stores.close() };
  }),
);
