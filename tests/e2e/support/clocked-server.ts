import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startServer } from '../../../src/server/start-server';
import { parsePolicy } from '../../../src/shared/domain/policy';
import type { RowWrite } from '../../../src/shared/sync/mutator';
import { writeFixture } from '../../integration/server/helpers';
import { fileClock } from './file-clock';

/**
 * The sync server as the shift test runs it: the real server (startServer), with its
 * clock read from the test's clock file and quick session sweeps and board ticks, so
 * moving the clock past the idle limit ends sessions within a second. Tests only:
 * `npm run server` has no clock option.
 */
const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    data: { type: 'string' },
    policy: { type: 'string' },
    'clock-file': { type: 'string' },
    rows: { type: 'string', default: '0' },
    /** A JSON file of row writes (RowWrite[]) put into an empty database at start: the shift's callbacks. */
    fixture: { type: 'string' },
  },
});
if (!values.port || !values.data || !values.policy || !values['clock-file']) {
  console.error('usage: clocked-server --port N --data DIR --policy FILE --clock-file FILE [--rows N]');
  process.exit(2);
}
const policy = parsePolicy(JSON.parse(readFileSync(values.policy, 'utf8')));
if (!policy.ok) {
  console.error(`bad policy: ${policy.error}`);
  process.exit(2);
}
const clock = fileClock(values['clock-file']);
const start = () =>
  startServer({
    port: Number(values.port),
    dataDir: values.data!,
    demo: true,
    demoRows: Number(values.rows),
    scriptsDir: resolve('resources/scripts'),
    policy: policy.value,
    logLevel: 'warn',
    clock: clock.now,
    sessionSweepMs: 500,
    supervisorTickMs: 1000,
  });
let server = await start();
if (values.fixture && server.seeded) {
  // Written straight into the fresh database, then the server starts again: a running
  // server only serves the changes it made itself, so it must read these at its start.
  await writeFixture(server, JSON.parse(readFileSync(values.fixture, 'utf8')) as RowWrite[]);
  await server.close();
  server = await start();
}
console.log(`clocked server on ${server.url}`);
const stop = () => {
  clock.stop();
  void server.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
