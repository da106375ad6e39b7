import { MemoryStore } from '../../src/store/memory.js';
import { storeContract, type StoreHarness } from './contract.js';
import { turnContract } from './turnContract.js';

const harness = (): StoreHarness => ({
  open: async (options) => new MemoryStore(options),
  writeRaw: async (store, table, personId, text) => (store as MemoryStore).writeRawForTest(table, personId, text),
  // One process, one map: both "instances" are the same store, racing through its promises.
  openPair: async () => {
    const s = new MemoryStore();
    return [s, s];
  },
});

storeContract('memory', harness);
turnContract('memory', harness);
