// A desktop core in its own process, for the crash test: it signs in (first
// run), queues the claims it is told to, prints "queued <n>" once they are in
// the outbox, and then syncs until the parent kills it with SIGKILL.
import { join } from 'node:path';
import { createDesktopCore } from '../../../src/desktop/core/desktop-core';
import { fileKeyProvider } from '../../../src/desktop/core/file-key-provider';

const [dataDir, serverUrl, username, password, ...callbackIds] = process.argv.slice(2);
if (!dataDir || !serverUrl || !username || !password) {
  console.error('usage: child-core.ts <dataDir> <serverUrl> <username> <password> <callbackId...>');
  process.exit(2);
}

const created = await createDesktopCore({
  dataDir,
  serverUrl,
  keyProvider: fileKeyProvider(join(dataDir, 'cache.key')),
  backoff: { baseMs: 20, maxMs: 200, factor: 2, jitter: 0.5 },
  timers: false,
});
if (!created.ok) {
  console.error(created.error.message);
  process.exit(1);
}
const core = created.value;
if (!core.isSignedIn()) {
  const signedIn = await core.session.signIn({ username, password });
  if (!signedIn.ok) {
    console.error(signedIn.error.message);
    process.exit(1);
  }
}
// Claim only what is in the cache: wait for the first sync.
while (core.connectionState().state !== 'online') await new Promise((r) => setTimeout(r, 10));
let queued = 0;
for (const callbackId of callbackIds) {
  const result = core.commands.run('callback.claim', { callbackId });
  if (result.ok) queued += 1;
}
console.log(`queued ${queued}`);
// Keep running (and syncing) until killed.
setInterval(() => {}, 1000);
