// The lender stores' contract on the in-memory stores and on real Redis over TCP (two connections: two instances).
import { describeOnBothStores } from '../helpers/storesForContracts.js';
import { describeLenderStoresContract } from './lenderStores.contract.js';

await describeOnBothStores('lender', describeLenderStoresContract);
