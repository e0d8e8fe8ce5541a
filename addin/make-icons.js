#!/usr/bin/env node
/**
 * Writes the add-in's PNG icons (addin/assets/icon-<size>.png) with nothing but Node's zlib:
 * a Fluent-blue rounded square with a white bridge (deck and two arches). Run once; the PNGs are committed.
 */
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}
function png(size, pixel) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x + 0.5, y + 0.5, size);
      const at = y * (size * 4 + 1) + 1 + x * 4;
      raw[at] = r; raw[at + 1] = g; raw[at + 2] = b; raw[at + 3] = a;
    }
  }
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}
function icon(x, y, size) {
  const u = x / size;
  const v = y / size;
  const radius = 0.18;
  const cx = Math.min(Math.max(u, radius), 1 - radius);
  const cy = Math.min(Math.max(v, radius), 1 - radius);
  if (Math.hypot(u - cx, v - cy) > radius) return [0, 0, 0, 0];
  const white = [255, 255, 255, 255];
  const blue = [15, 108, 189, 255];
  if (v > 0.36 && v < 0.46 && u > 0.14 && u < 0.86) return white; // deck
  for (const centre of [0.32, 0.68]) {
    const d = Math.hypot((u - centre) / 0.18, (v - 0.78) / 0.32);
    if (v > 0.46 && v < 0.84 && d > 0.78 && d < 1.05) return white; // arches
  }
  if ((Math.abs(u - 0.14) < 0.045 || Math.abs(u - 0.86) < 0.045 || Math.abs(u - 0.5) < 0.045) && v > 0.2 && v < 0.84) return white; // piers
  return blue;
}
const dir = path.join(__dirname, 'assets');
fs.mkdirSync(dir, { recursive: true });
for (const size of [16, 32, 64, 80, 128]) fs.writeFileSync(path.join(dir, `icon-${size}.png`), png(size, icon));
console.log(`icons written to ${dir}`);
