/**
 * QR codes drawn as one SVG path, made in the browser with qrcode-generator (no service is asked). Error
 * correction level M (about 15 % of the code may be damaged or covered), the smallest version the text fits.
 * The text is encoded as UTF-8 bytes in byte mode, so any URL reads back exactly.
 */
import qrcode from 'qrcode-generator';

/** Light modules around the code, as the QR specification asks for (ISO/IEC 18004: four modules). */
export const QUIET_ZONE = 4;

/** The most UTF-8 bytes a QR code holds at error correction level M (version 40, byte mode). */
export const MAX_QR_BYTES = 2331;

export interface QrPath {
  /** Width and height in modules, quiet zone included: the SVG's viewBox is `0 0 size size`. */
  readonly size: number;
  /** The `d` of a path that fills every dark module, one rectangle per horizontal run. */
  readonly path: string;
}

/**
 * The QR code of a text as an SVG path.
 *
 * @throws RangeError when the text is too long for any QR code at level M.
 * @example qrSvgPath('https://example.com/') // { size: 33, path: 'M4 4h7v1h-7z…' }
 */
export function qrSvgPath(text: string): QrPath {
  const bytes = new TextEncoder().encode(text);
  if (bytes.length > MAX_QR_BYTES)
    throw new RangeError(
      `Text too long for a QR code: ${bytes.length} bytes in UTF-8, and at most ${MAX_QR_BYTES} fit at error correction level M.`,
    );
  // qrcode-generator's byte mode keeps the low 8 bits of each character, so hand it one character per byte.
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  const qr = qrcode(0, 'M');
  qr.addData(binary, 'Byte');
  qr.make();
  const count = qr.getModuleCount();
  let path = '';
  for (let row = 0; row < count; row += 1) {
    let col = 0;
    while (col < count) {
      if (!qr.isDark(row, col)) {
        col += 1;
        continue;
      }
      const start = col;
      while (col < count && qr.isDark(row, col)) col += 1;
      const run = col - start;
      path += `M${start + QUIET_ZONE} ${row + QUIET_ZONE}h${run}v1h-${run}z`;
    }
  }
  return { size: count + 2 * QUIET_ZONE, path };
}
