// The shared ports' contract on the in-memory stores and on real Redis over TCP (two connections: two instances).
import { describeOnBothStores } from '../helpers/storesForContracts.js';
import { describeSharedPortsContract } from './sharedPorts.contract.js';

await describeOnBothStores('ports', describeSharedPortsContract);
