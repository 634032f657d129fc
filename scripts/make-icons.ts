/**
 * Draws Attune's toolbar icon (a teal rounded square with two bars: you and the patient,
 * in balance) at every size the manifest needs, as PNG files in public/icon/. No image
 * library: a tiny rasteriser with 4× supersampling and Node's zlib for the PNG encoding.
 *   npx tsx scripts/make-icons.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

// Chrome: 16, 32, 48, 128 (the store listing uses 128); Firefox: 48 and 96 for its add-ons manager.
const SIZES = [16, 32, 48, 96, 128];
const TEAL: RGB = [31, 122, 100];
const WHITE: RGB = [255, 255, 255];
const LAVENDER: RGB = [201, 196, 255];
type RGB = [number, number, number];

function insideRoundedRect(x: number, y: number, x0: number, y0: number, x1: number, y1: number, r: number): boolean {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

/** Colour and coverage at a point in a 1×1 icon. */
function shade(x: number, y: number): [RGB, number] | null {
  if (insideRoundedRect(x, y, 0.25, 0.3, 0.45, 0.8, 0.05)) return [WHITE, 1]; // you
  if (insideRoundedRect(x, y, 0.55, 0.2, 0.75, 0.8, 0.05)) return [LAVENDER, 1]; // the patient
  if (insideRoundedRect(x, y, 0.02, 0.02, 0.98, 0.98, 0.22)) return [TEAL, 1];
  return null;
}

function render(size: number): Buffer {
  const rows: Buffer[] = [];
  const n = 4;
  for (let py = 0; py < size; py++) {
    const row = Buffer.alloc(1 + size * 4); // filter byte 0, then RGBA
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < n; sy++)
        for (let sx = 0; sx < n; sx++) {
          const hit = shade((px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size);
          if (!hit) continue;
          r += hit[0][0]; g += hit[0][1]; b += hit[0][2]; a += 1;
        }
      const o = 1 + px * 4;
      if (a > 0) row.set([Math.round(r / a), Math.round(g / a), Math.round(b / a), Math.round((255 * a) / (n * n))], o);
    }
    rows.push(row);
  }
  return png(size, Buffer.concat(rows));
}

function png(size: number, raw: Buffer): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, i) => {
    let c = i;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const byte of buf) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(8 + data.length + 4);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

mkdirSync('public/icon', { recursive: true });
for (const size of SIZES) writeFileSync(`public/icon/${size}.png`, render(size));
console.log(`wrote public/icon/{${SIZES.join(',')}}.png`);
