import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './load-yaml';

const read = (name: string) => readFileSync(new URL(`resources/icons/${name}`, repoRoot));
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('app icons (written by scripts/generate-icons.mjs)', () => {
  it('icon.png is a 1024×1024 RGBA PNG', () => {
    const png = read('icon.png');
    expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(png.toString('ascii', 12, 16)).toBe('IHDR');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1024, 1024]);
    expect(png[25]).toBe(6); // colour type RGBA
  });

  it('icon.ico holds a 256×256 PNG (the size electron-builder requires)', () => {
    const ico = read('icon.ico');
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2), ico.readUInt16LE(4)]).toEqual([0, 1, 1]);
    expect([ico[6], ico[7]]).toEqual([0, 0]); // 0 = 256
    const offset = ico.readUInt32LE(18);
    expect(ico.subarray(offset, offset + 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(ico.readUInt32LE(14) + offset).toBe(ico.length);
  });

  it('icon.icns is well-formed and includes the 1024 px (ic10) image', () => {
    const icns = read('icon.icns');
    expect(icns.toString('ascii', 0, 4)).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const types: string[] = [];
    for (let at = 8; at < icns.length; at += icns.readUInt32BE(at + 4))
      types.push(icns.toString('ascii', at, at + 4));
    expect(types).toContain('ic10');
  });
});
