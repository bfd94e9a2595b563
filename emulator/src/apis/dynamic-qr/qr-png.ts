import { createRequire } from 'node:module';
import type QRCodeModule from 'qrcode';
import type { PNG as PngClass } from 'pngjs';

/**
 * Both libraries are CommonJS, loaded with the first QR code rather than at start-up, where together they
 * cost about a tenth of a second of module loading that most runs never use.
 */
const require = createRequire(import.meta.url);
let libraries: { QRCode: typeof QRCodeModule; PNG: typeof PngClass } | undefined;
function qrLibraries(): { QRCode: typeof QRCodeModule; PNG: typeof PngClass } {
  libraries ??= {
    QRCode: require('qrcode') as typeof QRCodeModule,
    PNG: (require('pngjs') as { PNG: typeof PngClass }).PNG,
  };
  return libraries;
}

/** A quiet zone of four modules on every side, as the QR standard asks for. */
const MARGIN = 4;

/**
 * A square RGBA PNG of `size` × `size` pixels holding `text` as a QR code, like the 8-bit RGBA image the
 * sandbox answers with. The symbol (versions, Reed-Solomon, masks) comes from `qrcode`; the modules are
 * scaled onto the requested size here because Daraja's `Size` is the exact side of the image.
 */
export function qrPng(text: string, size: number): Buffer {
  const { QRCode, PNG } = qrLibraries();
  const symbol = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const modules = symbol.modules;
  const count = modules.size + MARGIN * 2;
  const png = new PNG({ width: size, height: size, colorType: 6 });
  for (let y = 0; y < size; y++) {
    const row = Math.floor((y * count) / size) - MARGIN;
    for (let x = 0; x < size; x++) {
      const col = Math.floor((x * count) / size) - MARGIN;
      const inside = row >= 0 && col >= 0 && row < modules.size && col < modules.size;
      const dark = inside && modules.get(row, col) === 1;
      const at = (y * size + x) * 4;
      const shade = dark ? 0 : 255;
      png.data[at] = shade;
      png.data[at + 1] = shade;
      png.data[at + 2] = shade;
      png.data[at + 3] = 255;
    }
  }
  return PNG.sync.write(png, { colorType: 6 });
}
