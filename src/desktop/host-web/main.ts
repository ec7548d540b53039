import { runWebHostOrExit } from './run-web-host';

/** `npm run start:web`: see run-web-host.ts. */
runWebHostOrExit(process.argv.slice(2));
