import jsQR from 'jsqr';

/**
 * Reads the QR code in a picture (a PNG from Dynamic QR, a photo, a screenshot): draws it on a canvas and
 * hands the pixels to jsQR. `undefined` when the picture holds no readable code.
 */
export async function decodeQrImage(image: Blob): Promise<string | undefined> {
  const bitmap = await createImageBitmap(image);
  try {
    const canvas = document.createElement('canvas');
    canvas.width = bitmap.width;
    canvas.height = bitmap.height;
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (!context) return undefined;
    context.drawImage(bitmap, 0, 0);
    const pixels = context.getImageData(0, 0, bitmap.width, bitmap.height);
    return jsQR(pixels.data, pixels.width, pixels.height)?.data;
  } finally {
    bitmap.close();
  }
}

/** A base64 PNG (Dynamic QR's `QRCode`) as a Blob, for the same decoder. */
export function pngBlob(base64: string): Blob {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return new Blob([bytes], { type: 'image/png' });
}
