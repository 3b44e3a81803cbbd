// Renders resources/ from scripts/icon/geometry.mjs with no download and no native module:
//   node scripts/icon/render.mjs
// Writes icon.svg (source), icons/<N>x<N>.png for Linux, icon.png (512, window/tray), icon.ico
// (Windows, PNG-compressed entries) and icon.icns (macOS, PNG entries). Supersampled 4×4 per pixel.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { CANVAS, background, priceStroke, shield, stopBar } from './geometry.mjs';

const out = join(import.meta.dirname, '..', '..', 'resources');
export const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
const ICNS_TYPES = [
  ['icp4', 16],
  ['icp5', 32],
  ['icp6', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024],
];

function insidePolygon(points, x, y) {
  let inside = false;
  for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
    const [xi, yi] = points[i];
    const [xj, yj] = points[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function insideRoundedSquare({ x, y, size, radius }, px, py) {
  if (px < x || py < y || px > x + size || py > y + size) return false;
  const cx = Math.min(Math.max(px, x + radius), x + size - radius);
  const cy = Math.min(Math.max(py, y + radius), y + size - radius);
  return (px - cx) ** 2 + (py - cy) ** 2 <= radius ** 2;
}

function colourAt(px, py) {
  const inRect =
    px >= stopBar.x && px <= stopBar.x + stopBar.width && py >= stopBar.y && py <= stopBar.y + stopBar.height;
  if (inRect || insidePolygon(priceStroke.points, px, py)) return stopBar.color;
  if (insidePolygon(shield.points, px, py)) return shield.color;
  if (insideRoundedSquare(background, px, py)) return background.color;
  return null;
}

/** RGBA pixels of the icon at `size`×`size`. */
export function rasterise(size) {
  const pixels = Buffer.alloc(size * size * 4);
  const ss = 4;
  const scale = CANVAS / size;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let r = 0,
        g = 0,
        b = 0,
        hits = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const c = colourAt((x + (sx + 0.5) / ss) * scale, (y + (sy + 0.5) / ss) * scale);
          if (c) {
            r += c[0];
            g += c[1];
            b += c[2];
            hits++;
          }
        }
      }
      const o = (y * size + x) * 4;
      if (hits > 0) {
        pixels[o] = Math.round(r / hits);
        pixels[o + 1] = Math.round(g / hits);
        pixels[o + 2] = Math.round(b / hits);
        pixels[o + 3] = Math.round((hits / (ss * ss)) * 255);
      }
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A PNG file (8-bit RGBA) of the icon at `size`. */
export function png(size) {
  const pixels = rasterise(size);
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) pixels.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    sig,
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A Windows .ico whose entries are PNGs (supported since Vista; electron-builder accepts it). */
export function ico(pngs) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(pngs.length, 4);
  let offset = 6 + 16 * pngs.length;
  const entries = pngs.map(([size, data]) => {
    const e = Buffer.alloc(16);
    e[0] = size >= 256 ? 0 : size;
    e[1] = size >= 256 ? 0 : size;
    e.writeUInt16LE(1, 4);
    e.writeUInt16LE(32, 6);
    e.writeUInt32LE(data.length, 8);
    e.writeUInt32LE(offset, 12);
    offset += data.length;
    return e;
  });
  return Buffer.concat([header, ...entries, ...pngs.map(([, d]) => d)]);
}

/** A macOS .icns whose entries are PNGs. */
export function icns(entries) {
  const parts = entries.map(([type, data]) => {
    const h = Buffer.alloc(8);
    h.write(type, 0, 'ascii');
    h.writeUInt32BE(data.length + 8, 4);
    return Buffer.concat([h, data]);
  });
  const body = Buffer.concat(parts);
  const h = Buffer.alloc(8);
  h.write('icns', 0, 'ascii');
  h.writeUInt32BE(body.length + 8, 4);
  return Buffer.concat([h, body]);
}

export function svg() {
  const rgb = ([r, g, b]) => `rgb(${r},${g},${b})`;
  const pts = (p) => p.map(([x, y]) => `${x},${y}`).join(' ');
  const b = background;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${CANVAS} ${CANVAS}" width="${CANVAS}" height="${CANVAS}">
  <!-- Generated by scripts/icon/render.mjs from scripts/icon/geometry.mjs; edit the geometry, not this file. -->
  <rect x="${b.x}" y="${b.y}" width="${b.size}" height="${b.size}" rx="${b.radius}" fill="${rgb(b.color)}"/>
  <polygon points="${pts(shield.points)}" fill="${rgb(shield.color)}"/>
  <rect x="${stopBar.x}" y="${stopBar.y}" width="${stopBar.width}" height="${stopBar.height}" fill="${rgb(stopBar.color)}"/>
  <polygon points="${pts(priceStroke.points)}" fill="${rgb(priceStroke.color)}"/>
</svg>
`;
}

function main() {
  mkdirSync(join(out, 'icons'), { recursive: true });
  const pngs = new Map(PNG_SIZES.map((s) => [s, png(s)]));
  writeFileSync(join(out, 'icon.svg'), svg());
  for (const [s, data] of pngs) writeFileSync(join(out, 'icons', `${s}x${s}.png`), data);
  writeFileSync(join(out, 'icon.png'), pngs.get(512));
  writeFileSync(join(out, 'icon.ico'), ico(ICO_SIZES.map((s) => [s, pngs.get(s)])));
  writeFileSync(join(out, 'icon.icns'), icns(ICNS_TYPES.map(([t, s]) => [t, pngs.get(s)])));
}

if (process.argv[1] === import.meta.filename) main();
