// Child process for store-kill.test.ts: opens the built FileStore and writes as fast as it can, printing
// each record's number only after `put` returned (that is, after the write was acknowledged).
import { writeSync } from 'node:fs';
import { setImmediate } from 'node:timers/promises';
import { openStore } from '../../emulator/dist/store/open-store.js';

const [path, run] = process.argv.slice(2);
if (!path || !run) {
  process.stderr.write('usage: store-writer.mjs <data file> <run>\n');
  process.exit(2);
}

// Small snapshot thresholds, so that kills also land while snapshots are written and logs rotated.
const store = await openStore({ kind: 'file', path, snapshotEveryMs: 10, snapshotEveryWrites: 300 });
const acks = store.collection('acks');
const meta = store.collection('meta');
writeSync(1, 'ready\n');

for (let n = 0; ; n++) {
  acks.put({ id: `${run}-${n}`, n, padding: 'x'.repeat(n % 97) });
  meta.put({ id: `last-${run}`, n });
  writeSync(1, `${n}\n`);
  // Let the snapshot timer and lowdb's asynchronous writes run between batches.
  if (n % 50 === 49) await setImmediate();
}
