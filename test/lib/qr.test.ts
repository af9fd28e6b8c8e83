import qrcode from 'qrcode-generator';
import { describe, expect, it } from 'vitest';
import { MAX_QR_BYTES, QUIET_ZONE, qrSvgPath } from '../../src/lib/qr';

/** The dark modules a path fills, as "row,col" keys (path coordinates include the quiet zone). */
function darkModules(path: string): Set<string> {
  const dark = new Set<string>();
  const runs = path.match(/M\d+ \d+h\d+v1h-\d+z/g) ?? [];
  expect(runs.join('')).toBe(path);
  for (const run of runs) {
    const [x, y, width] = (/M(\d+) (\d+)h(\d+)/.exec(run) ?? []).slice(1).map(Number);
    for (let dx = 0; dx < (width ?? 0); dx += 1)
      dark.add(`${(y ?? 0) - QUIET_ZONE},${(x ?? 0) + dx - QUIET_ZONE}`);
  }
  return dark;
}

const URL =
  'https://customerforlife.example/calculators/sale-vs-customer/?aov=45&margin=35&freq=6&retention=70&discount=8&years=5&cac=40&referrals=0.2&currency=GBP';

describe('qrSvgPath', () => {
  it('sizes a known URL deterministically: version 8 at level M, 49 modules plus the quiet zone', () => {
    // 151 bytes: version 7 holds 122 bytes at M, version 8 holds 152.
    expect(new TextEncoder().encode(URL)).toHaveLength(151);
    const first = qrSvgPath(URL);
    expect(first.size).toBe(49 + 2 * QUIET_ZONE);
    expect(qrSvgPath(URL)).toEqual(first);
    expect(qrSvgPath('https://example.com/').size).toBe(25 + 2 * QUIET_ZONE);
  });

  it('fills exactly the dark modules of the code, finder patterns included', () => {
    const { path, size } = qrSvgPath(URL);
    expect(path.length).toBeGreaterThan(0);
    // The top-left finder pattern's first row: seven dark modules inside the quiet zone.
    expect(path.startsWith(`M${QUIET_ZONE} ${QUIET_ZONE}h7v1h-7z`)).toBe(true);
    const reference = qrcode(0, 'M');
    reference.addData(URL, 'Byte');
    reference.make();
    const count = reference.getModuleCount();
    expect(size).toBe(count + 2 * QUIET_ZONE);
    const dark = darkModules(path);
    for (let row = 0; row < count; row += 1)
      for (let col = 0; col < count; col += 1)
        expect(dark.has(`${row},${col}`)).toBe(reference.isDark(row, col));
  });

  it('encodes text beyond ASCII as UTF-8', () => {
    const text = 'https://example.com/?q=café–€';
    const bytes = new TextEncoder().encode(text);
    const binary = String.fromCharCode(...bytes);
    const reference = qrcode(0, 'M');
    reference.addData(binary, 'Byte');
    reference.make();
    const dark = darkModules(qrSvgPath(text).path);
    const count = reference.getModuleCount();
    let same = true;
    for (let row = 0; row < count; row += 1)
      for (let col = 0; col < count; col += 1)
        same &&= dark.has(`${row},${col}`) === reference.isDark(row, col);
    expect(same).toBe(true);
  });

  it('fits the most a code holds at level M, and throws a clear error beyond it', () => {
    expect(qrSvgPath('x'.repeat(MAX_QR_BYTES)).size).toBe(177 + 2 * QUIET_ZONE);
    expect(() => qrSvgPath('x'.repeat(MAX_QR_BYTES + 1))).toThrow(
      new RangeError(
        `Text too long for a QR code: ${MAX_QR_BYTES + 1} bytes in UTF-8, and at most ${MAX_QR_BYTES} fit at error correction level M.`,
      ),
    );
    // Counted in bytes, not characters: 1166 × "é" is 2332 bytes.
    expect(() => qrSvgPath('é'.repeat(1166))).toThrow(/2332 bytes/);
  });
});
