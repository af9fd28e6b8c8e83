/** Tests of src/lib/orders/import/accounting.ts: which records repeat the header line. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isRepeatedHeader } from '../../../../src/lib/orders/import/accounting';

const field = fc.string({ minLength: 1, maxLength: 12 }).filter((text) => text.trim() !== '');

describe('isRepeatedHeader', () => {
  it('knows the header again in another case and with spaces around its fields', () => {
    fc.assert(
      fc.property(fc.array(field, { minLength: 1, maxLength: 8 }), (header) => {
        const again = header.map((name, i) => (i % 2 ? ` ${name.toUpperCase()} ` : name.toLowerCase()));
        return isRepeatedHeader(again, header);
      }),
    );
  });

  it('does not take a record that differs in one field, or has another number of fields, for the header', () => {
    fc.assert(
      fc.property(fc.array(field, { minLength: 1, maxLength: 8 }), fc.nat(), (header, at) => {
        const changed = header.map((name, i) => (i === at % header.length ? `${name}x` : name));
        return !isRepeatedHeader(changed, header) && !isRepeatedHeader([...header, ''], header);
      }),
    );
  });

  it('does not take an empty record for an empty header', () => {
    expect(isRepeatedHeader(['', ''], ['', ''])).toBe(false);
    expect(isRepeatedHeader(['Email', 'Total'], ['email', 'total'])).toBe(true);
  });
});
