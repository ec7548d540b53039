// `npm start`: build, start the embedded sync server, and open the desktop app.
// Where no Electron binary can be had, say so in one sentence and point to the
// browser host instead of failing with a stack trace.
import { spawn, spawnSync } from 'node:child_process';
import { findElectronBinary } from './electron-binary.mjs';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const electron = findElectronBinary();

if (!electron) {
  console.log(
    'Electron is not installed on this machine (its binary cannot be downloaded here), so Agent Desk starts in its browser host instead (`npm run start:web`): open the address printed below.',
  );
  const web = spawn(npm, ['run', 'start:web'], { stdio: 'inherit' });
  web.on('exit', (code) => process.exit(code ?? 0));
} else {
  startDesktop(electron);
}

/** Builds everything, starts the embedded sync server, then the Electron app against it. */
function startDesktop(electronPath) {
  for (const script of ['build', 'build:server']) {
    const build = spawnSync(npm, ['run', script], { stdio: 'inherit' });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
  const server = spawn(process.execPath, ['out/server/index.js'], { stdio: 'inherit' });
  const app = spawn(process.execPath, ['node_modules/electron-vite/bin/electron-vite.js', 'preview'], {
    stdio: 'inherit',
    env: { ...process.env, ELECTRON_EXEC_PATH: electronPath },
  });
  app.on('exit', (code) => {
    server.kill();
    process.exit(code ?? 0);
  });
}
