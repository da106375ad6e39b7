import { MemoryStore } from '../../src/store/memory.js';
import { storeContract } from './contract.js';

storeContract('memory', () => ({
  open: async (options) => new MemoryStore(options),
  writeRaw: async (store, table, personId, text) => (store as MemoryStore).writeRawForTest(table, personId, text),
  // One process, one map: both "instances" are the same store, racing through its promises.
  openPair: async () => {
    const s = new MemoryStore();
    return [s, s];
  },
}));
