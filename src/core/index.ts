// Keepwise analytics core: pure functions over typed columns. No DOM, no Dexie, runs in Node.
export {};
