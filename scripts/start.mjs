// `npm start`: build, start the embedded sync server, and open the desktop app.
// Where no Electron binary can be had, say so in one sentence and point to the
// browser host instead of failing with a stack trace.
import { spawn, spawnSync } from 'node:child_process';
import { findElectronBinary } from './electron-binary.mjs';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const electron = findElectronBinary();

if (!electron) {
  console.log(
    'Electron is not installed on this machine (its binary cannot be downloaded here), so the desktop window cannot open: run `npm run start:web` to use Agent Desk in your browser instead.',
  );
  process.exit(0);
}

const build = spawnSync(npm, ['run', 'build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const app = spawn(process.execPath, ['node_modules/electron-vite/bin/electron-vite.js', 'preview'], {
  stdio: 'inherit',
  env: { ...process.env, ELECTRON_EXEC_PATH: electron },
});
app.on('exit', (code) => process.exit(code ?? 0));
