// Draws the Agent Desk app icon (a headset on a navy rounded square) and writes
// resources/icons/icon.png (1024²), icon.ico (256² PNG inside) and icon.icns
// (PNG-based ic07–ic10). Node built-ins only: the shapes are computed per pixel,
// PNG is zlib + CRC. Replace these with a designer's icon whenever one exists.
//   node scripts/generate-icons.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const NAVY = [31, 58, 95];
const WHITE = [255, 255, 255];

/** Coverage of the glyph at a point in the unit square (0..1 coordinates). */
function shapeAt(x, y) {
  const inside = (cx, cy, w, h, r) => {
    const dx = Math.max(Math.abs(x - cx) - w / 2 + r, 0);
    const dy = Math.max(Math.abs(y - cy) - h / 2 + r, 0);
    return dx * dx + dy * dy <= r * r;
  };
  if (!inside(0.5, 0.5, 0.9, 0.9, 0.2)) return 'none';
  const d = Math.hypot(x - 0.5, y - 0.52);
  const band = d > 0.25 && d < 0.31 && y < 0.55; // headband arc
  const ears = inside(0.26, 0.6, 0.1, 0.2, 0.04) || inside(0.74, 0.6, 0.1, 0.2, 0.04);
  const mic = inside(0.6, 0.78, 0.16, 0.045, 0.02) || (inside(0.71, 0.72, 0.04, 0.12, 0.02) && y > 0.66);
  return band || ears || mic ? 'glyph' : 'background';
}

/** RGBA pixels, 4×4 supersampled so edges are smooth at every size. */
function draw(size) {
  const pixels = Buffer.alloc(size * size * 4);
  const n = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const kind = shapeAt((px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size);
          if (kind === 'none') continue;
          const [cr, cg, cb] = kind === 'glyph' ? WHITE : NAVY;
          r += cr;
          g += cg;
          b += cb;
          a += 255;
        }
      }
      const samples = n * n;
      const o = (py * size + px) * 4;
      const covered = a / 255 || 1;
      pixels[o] = r / covered;
      pixels[o + 1] = g / covered;
      pixels[o + 2] = b / covered;
      pixels[o + 3] = a / samples;
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, k) => {
  let c = k;
  for (let i = 0; i < 8; i++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}
function png(size) {
  const pixels = draw(size);
  const rows = Buffer.alloc(size * (size * 4 + 1)); // each row: filter byte 0, then RGBA
  for (let y = 0; y < size; y++) pixels.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** ICO with one 256×256 PNG entry (valid since Windows Vista; electron-builder needs ≥256). */
function ico(image) {
  const header = Buffer.alloc(22);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(1, 4); // one image
  header.set([0, 0, 0, 0], 6); // 0 means 256 for width and height; no palette
  header.writeUInt16LE(1, 10); // planes
  header.writeUInt16LE(32, 12); // bits per pixel
  header.writeUInt32LE(image.length, 14);
  header.writeUInt32LE(22, 18); // offset of the image data
  return Buffer.concat([header, image]);
}

/** ICNS from PNG entries: ic07 128, ic08 256, ic09 512, ic10 1024 (512@2x). */
function icns(entries) {
  const parts = entries.map(([type, image]) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(image.length + 8, 4);
    return Buffer.concat([head, image]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(8 + parts.reduce((sum, p) => sum + p.length, 0), 4);
  return Buffer.concat([head, ...parts]);
}

const dir = new URL('../resources/icons/', import.meta.url);
mkdirSync(dir, { recursive: true });
const big = png(1024);
writeFileSync(new URL('icon.png', dir), big);
writeFileSync(new URL('icon.ico', dir), ico(png(256)));
writeFileSync(
  new URL('icon.icns', dir),
  icns([
    ['ic07', png(128)],
    ['ic08', png(256)],
    ['ic09', png(512)],
    ['ic10', big],
  ]),
);
console.log('wrote resources/icons/icon.png, icon.ico, icon.icns');
