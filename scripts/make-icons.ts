/**
 * Regenerates the icon set in public/ from app/icon.svg (run by hand after the
 * logo changes: `npx tsx scripts/make-icons.ts`). The files are committed.
 */
import { readFileSync, writeFileSync } from "node:fs";
import sharp from "sharp";

const svg = readFileSync("app/icon.svg");

async function png(size: number, padding = 0): Promise<Buffer> {
  const inner = await sharp(svg, { density: 72 * (size / 32) * 2 }).resize(size - 2 * padding, size - 2 * padding).png().toBuffer();
  // Maskable icons need a safe zone: the logo on the brand colour, centred.
  return sharp({ create: { width: size, height: size, channels: 4, background: padding ? "#1d6b3c" : { r: 0, g: 0, b: 0, alpha: 0 } } })
    .composite([{ input: inner, top: padding, left: padding }])
    .png({ compressionLevel: 9 })
    .toBuffer();
}

/** An .ico holding one PNG image (every browser since 2010 reads PNG inside ICO). */
function ico(image: Buffer, size: number): Buffer {
  const header = Buffer.alloc(6 + 16);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(1, 4);
  header.writeUInt8(size, 6);
  header.writeUInt8(size, 7);
  header.writeUInt16LE(1, 10);
  header.writeUInt16LE(32, 12);
  header.writeUInt32LE(image.length, 14);
  header.writeUInt32LE(22, 18);
  return Buffer.concat([header, image]);
}

async function main() {
  writeFileSync("public/favicon.ico", ico(await png(32), 32));
  writeFileSync("public/apple-touch-icon.png", await png(180, 18));
  writeFileSync("public/icon-192.png", await png(192));
  writeFileSync("public/icon-512.png", await png(512));
  writeFileSync("public/icon-maskable-512.png", await png(512, 64));
}

void main();
