import { runWebHostOrExit } from '../../../src/desktop/host-web/run-web-host';
import { fileClock } from './file-clock';

/**
 * The browser host as the shift test runs it: the real host (runWebHost) whose desktop
 * core reads the test's clock file, so moving the clock past the idle limit locks the
 * desktop as an hour away would. Usage: clocked-host --clock-file FILE <the host's own
 * options>. Tests only: `npm run start:web` has no clock option.
 */
const argv = process.argv.slice(2);
const at = argv.indexOf('--clock-file');
const file = at >= 0 ? argv[at + 1] : undefined;
if (!file) {
  console.error('usage: clocked-host --clock-file FILE [web host options]');
  process.exit(2);
}
argv.splice(at, 2);
runWebHostOrExit(argv, { clock: fileClock(file).now });
