import { PNG } from 'pngjs';
import jsQR from 'jsqr';

/** What a phone's camera would read from a base64 PNG: its size and the QR code's text. */
export function decodeQrPng(base64: string): {
  width: number;
  height: number;
  colorType: number;
  text?: string;
} {
  const png = PNG.sync.read(Buffer.from(base64, 'base64'));
  const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  return {
    width: png.width,
    height: png.height,
    colorType: png.colorType,
    ...(code ? { text: code.data } : {}),
  };
}
