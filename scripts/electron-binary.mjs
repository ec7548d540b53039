// Finds the Electron binary WITHOUT require('electron'): requiring it downloads the
// binary on first use, which fails on machines without internet access.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Path of a usable Electron executable, or undefined when none is installed. */
export function findElectronBinary(root = process.cwd()) {
  if (process.env.ELECTRON_EXEC_PATH && existsSync(process.env.ELECTRON_EXEC_PATH)) {
    return process.env.ELECTRON_EXEC_PATH;
  }
  const pkg = join(root, 'node_modules', 'electron');
  const pathFile = join(pkg, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : 'electron';
  const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(pkg, 'dist');
  const candidate = join(dist, relative);
  return existsSync(candidate) ? candidate : undefined;
}
