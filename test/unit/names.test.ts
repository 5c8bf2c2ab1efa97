import { describe, expect, it } from 'vitest';
import { normaliseName, registeredVariants, typedVariant } from '../../server/services/population/names.ts';
import { isBsn, isOnderwijsnummer, makeBsn } from '../../server/services/population/pgn.ts';

describe('surname normalisation', () => {
  it('ignores case, accents, spaces, apostrophes and hyphens', () => {
    expect(normaliseName("D'Hondt-van Éden")).toBe('dhondtvaneden');
    expect(normaliseName('Çelik')).toBe(normaliseName('celik'));
    expect(normaliseName('Søren')).toBe('soren');
  });

  it('accepts the tussenvoegsel before, after, stuck to or left out', () => {
    const variants = registeredVariants('Berg', 'van der');
    for (const typed of ['van der Berg', 'Van Der Berg', 'Berg, van der', 'vanderBerg', 'Berg']) {
      expect(variants, typed).toContain(typedVariant(typed));
    }
    expect(variants).not.toContain(typedVariant('van Berg'));
  });

  it('accepts each part of a double name', () => {
    const variants = registeredVariants('Jansen-de Vries', '');
    for (const typed of ['Jansen-de Vries', 'Jansen', 'de Vries', 'Jansen de Vries']) expect(variants, typed).toContain(typedVariant(typed));
    expect(variants).not.toContain(typedVariant('Janssen'));
  });
});

describe('PGN checks', () => {
  it('recognises BSNs by the 11-proef', () => {
    expect(isBsn('111222333')).toBe(true);
    expect(isBsn('123456782')).toBe(true);
    expect(isBsn('123456789')).toBe(false);
    expect(isBsn('12345678')).toBe(false);
    for (let n = 0; n < 50; n++) expect(isBsn(makeBsn(100000000 + n * 977))).toBe(true);
  });

  it('recognises onderwijsnummers: start with 10, weighted sum mod 11 is 5', () => {
    expect(isOnderwijsnummer('101101102')).toBe(true);
    expect(isOnderwijsnummer('101101103')).toBe(false);
    expect(isOnderwijsnummer('201101102')).toBe(false);
  });
});
