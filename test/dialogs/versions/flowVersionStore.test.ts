// The flow version store contract on the in-memory stores and on real Redis over TCP (two instances on one prefix).
import { describeOnBothStores } from '../../helpers/storesForContracts.js';
import { describeFlowVersionStoreContract } from './flowVersionStore.contract.js';

await describeOnBothStores('fv', (name, open) =>
  describeFlowVersionStoreContract(name, async () => {
    const stores = await open();
    return { store: stores.flowVersions, peer: stores.peer.flowVersions, close: () => stores.close() };
  }),
);
