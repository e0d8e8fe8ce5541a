import { ExactDecimal, toCanonical } from '../../domain/exact-decimal';
import {
  decimalPlaces,
  fitsNumeric,
  formatEnglish,
  formatVietnamese,
  isCanonicalDecimal,
  parseCanonicalDecimal,
  parseVietnameseNumber,
} from '../../domain/vietnamese-number';

function parsedValue(text: string): string | null {
  const result = parseVietnameseNumber(text);
  if (!result.ok) throw new Error(`expected "${text}" to parse, got ${result.error.code}: ${result.error.messageEn}`);
  return result.value;
}

function parseError(text: string) {
  const result = parseVietnameseNumber(text);
  if (result.ok) throw new Error(`expected "${text}" to be refused, got ${result.value}`);
  return result.error;
}

describe('parseVietnameseNumber', () => {
  it.each([
    ['5.600.826', '5600826'],
    ['1050', '1050'],
    ['06', '6'], // administrative zero padding: "giảm ít nhất 06 hộ"
    ['007', '7'],
    ['0', '0'],
    ['0,21', '0.21'],
    ['5.600,5', '5600.5'],
    ['1,234', '1.234'],
    ['1.234', '1234'],
    ['101.534', '101534'],
    ['1.000.000.000.000,0001', '1000000000000.0001'],
    ['-12,5', '-12.5'],
    ['−12,5', '-12.5'], // Unicode minus sign
    ['-5.600.826', '-5600826'],
    ['  5.600.826  ', '5600826'],
    ['\u00a05.600.826\u00a0', '5600826'], // NBSP around, as Word and Excel paste it
    ['\t20\n', '20'],
    ['2,50', '2.5'], // trailing fractional zeros dropped
    ['12,000', '12'],
    ['0,0', '0'],
    ['-0', '0'], // never "-0"
    ['-0,00', '0'],
    ['999', '999'],
    ['12345678901234567890123', '12345678901234567890123'], // exact: no float rounding
    ['0,1', '0.1'],
  ])('accepts %j as %j', (text, expected) => {
    expect(parsedValue(text)).toBe(expected);
  });

  it.each(['', '   ', '\u00a0', '\t\n'])('reads empty or blank %j as empty, not zero', (text) => {
    expect(parseVietnameseNumber(text)).toEqual({ ok: true, value: null });
  });

  it.each([
    ['1,234.5', 'MIXED_SEPARATORS'],
    ['1,234,567.89', 'MIXED_SEPARATORS'],
    ['12.34.5', 'BAD_GROUPING'],
    ['5.6', 'BAD_GROUPING'],
    ['1.5', 'BAD_GROUPING'],
    ['1.0000', 'BAD_GROUPING'],
    ['1234.567', 'BAD_GROUPING'], // first group longer than 3 digits
    ['0.500', 'BAD_GROUPING'], // first group may not start with 0: likely English 0.5
    ['.500', 'BAD_GROUPING'],
    ['5.', 'BAD_GROUPING'],
    ['5.600.', 'BAD_GROUPING'],
    ['--5', 'REPEATED_SIGN'],
    ['-−5', 'REPEATED_SIGN'],
    ['+5', 'PLUS_SIGN'],
    ['-+5', 'PLUS_SIGN'],
    ['1e5', 'EXPONENT'],
    ['1E5', 'EXPONENT'],
    ['-1,5e-3', 'EXPONENT'],
    ['abc', 'INVALID_CHARACTER'],
    ['12a', 'INVALID_CHARACTER'],
    ['0,21%', 'INVALID_CHARACTER'],
    ['(5)', 'INVALID_CHARACTER'],
    ['5-', 'INVALID_CHARACTER'],
    ['–', 'INVALID_CHARACTER'], // an en dash bullet is not a minus sign
    ['１２', 'INVALID_CHARACTER'], // full-width digits
    ['=SUM(A1)', 'FORMULA'],
    ['  =A1+B1', 'FORMULA'],
    ['5 600 826', 'INTERIOR_SPACE'],
    ['5\u00a0600', 'INTERIOR_SPACE'],
    ['- 5', 'INTERIOR_SPACE'],
    [',5', 'MISSING_DIGITS'],
    ['5,', 'MISSING_DIGITS'],
    ['-', 'MISSING_DIGITS'],
    ['−', 'MISSING_DIGITS'],
    ['-,5', 'MISSING_DIGITS'],
    ['1,2,3', 'MULTIPLE_COMMAS'],
    ['1,234,567', 'MULTIPLE_COMMAS'],
    ['00,5', 'LEADING_ZERO'],
  ])('refuses %j with %s', (text, code) => {
    const error = parseError(text);
    expect(error.code).toBe(code);
    // Messages name the offending input, in both languages.
    expect(error.messageVi).toContain(`"${text.trim()}"`);
    expect(error.messageEn).toContain(`"${text.trim()}"`);
    expect(error.messageVi).not.toBe(error.messageEn);
  });

  it('says that a formula is a formula', () => {
    const error = parseError('=SUM(A1)');
    expect(error.messageVi).toMatch(/công thức/);
    expect(error.messageEn).toMatch(/formula/);
  });

  it('explains that a dot must separate thousands, and suggests the decimal comma', () => {
    const error = parseError('5.6');
    expect(error.messageEn).toMatch(/exactly 3 digits/);
    expect(error.messageVi).toMatch(/dấu phẩy/);
  });

  it('names the invalid character', () => {
    expect(parseError('12a').messageEn).toContain('"a"');
    expect(parseError('0,21%').messageVi).toContain('"%"');
  });

  it('round-trips with formatVietnamese', () => {
    for (const canonical of ['0', '5600826', '-0.21', '1234.5', '999', '1000', '-1000000.0001']) {
      expect(parsedValue(formatVietnamese(canonical))).toBe(canonical);
    }
  });
});

describe('parseCanonicalDecimal', () => {
  it.each([
    ['5600826', '5600826'],
    ['0.21', '0.21'],
    ['-12.5', '-12.5'],
    ['0', '0'],
    ['-0', '0'],
    ['-0.000', '0'],
    ['007.50', '7.5'],
    ['1.10', '1.1'],
  ])('normalises %j to %j', (text, expected) => {
    expect(parseCanonicalDecimal(text)).toEqual({ ok: true, value: expected });
  });

  it.each(['1,5', '5.600.826', ' 5', '5 ', '', '+5', '.5', '5.', '1e5', '−5', 'abc', '--5'])('refuses %j', (text) => {
    const result = parseCanonicalDecimal(text);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('NOT_CANONICAL');
      expect(result.error.messageEn).toContain(`"${text}"`);
      expect(result.error.messageEn).toMatch(/canonical form/);
      expect(result.error.messageVi).toMatch(/dạng số chuẩn/);
    }
  });
});

describe('isCanonicalDecimal', () => {
  it('accepts only the canonical form', () => {
    expect(['0', '5600826', '-0.21', '1.5'].every(isCanonicalDecimal)).toBe(true);
    expect(['-0', '01', '1.50', '1.', '.5', '+1', '1,5', ''].some(isCanonicalDecimal)).toBe(false);
  });
});

describe('formatVietnamese / formatEnglish', () => {
  it.each([
    ['5600826', '5.600.826', '5,600,826'],
    ['-0.21', '-0,21', '-0.21'],
    ['0', '0', '0'],
    ['999', '999', '999'],
    ['1000', '1.000', '1,000'],
    ['-1234567.891', '-1.234.567,891', '-1,234,567.891'],
    ['100000', '100.000', '100,000'],
  ])('%s → %s / %s', (canonical, vietnamese, english) => {
    expect(formatVietnamese(canonical)).toBe(vietnamese);
    expect(formatEnglish(canonical)).toBe(english);
  });

  it('refuses non-canonical input instead of formatting it wrongly', () => {
    expect(() => formatVietnamese('5.600.826')).toThrow(/canonical/);
    expect(() => formatVietnamese('-0')).toThrow(/canonical/);
    expect(() => formatEnglish('1.50')).toThrow(/canonical/);
  });
});

describe('decimalPlaces', () => {
  it.each([
    ['0', 0],
    ['5600826', 0],
    ['0.21', 2],
    ['-12.5', 1],
    ['1.0001', 4],
  ])('%s has %d', (canonical, places) => {
    expect(decimalPlaces(canonical)).toBe(places);
  });
});

describe('fitsNumeric', () => {
  it('accepts values within numeric(20,4)', () => {
    expect(fitsNumeric('9999999999999999.9999', 20, 4)).toBeNull();
    expect(fitsNumeric('-9999999999999999', 20, 4)).toBeNull();
    expect(fitsNumeric('0.0001', 20, 4)).toBeNull();
    expect(fitsNumeric('0', 20, 4)).toBeNull();
    expect(fitsNumeric('0.5', 4, 4)).toBeNull(); // numeric(4,4): no integer digits, a leading 0 is not one
  });

  it('refuses too many integer digits, naming both limits', () => {
    const error = fitsNumeric('10000000000000000', 20, 4);
    expect(error?.code).toBe('OUT_OF_RANGE');
    expect(error?.messageEn).toContain('numeric(20,4)');
    expect(error?.messageEn).toMatch(/20 digits/);
    expect(error?.messageEn).toMatch(/16 integer digits/);
    expect(error?.messageVi).toContain('10.000.000.000.000.000');
    expect(fitsNumeric('1', 4, 4)?.code).toBe('OUT_OF_RANGE');
  });

  it('gives too many decimals its own code', () => {
    const error = fitsNumeric('0.21345', 20, 4);
    expect(error?.code).toBe('TOO_MANY_DECIMALS');
    expect(error?.messageEn).toMatch(/5 decimal places, more than the 4 allowed/);
    expect(error?.messageVi).toContain('0,21345');
    expect(fitsNumeric('2.5', 10, 0)?.code).toBe('TOO_MANY_DECIMALS');
  });

  it('refuses an impossible type', () => {
    expect(() => fitsNumeric('1', 4, 5)).toThrow(RangeError);
    expect(() => fitsNumeric('1', 0, 0)).toThrow(RangeError);
  });
});

describe('toCanonical', () => {
  it('writes decimals without exponent, trailing zeros or negative zero', () => {
    expect(toCanonical(new ExactDecimal('1.10').plus('1.10'))).toBe('2.2');
    expect(toCanonical(new ExactDecimal('1e-7'))).toBe('0.0000001');
    expect(toCanonical(new ExactDecimal('1e21'))).toBe('1000000000000000000000');
    expect(toCanonical(new ExactDecimal('-0'))).toBe('0');
    expect(toCanonical(new ExactDecimal('0.1').plus('0.2'))).toBe('0.3');
  });

  it('does not round sums of numeric(20,4) amounts', () => {
    const amount = '9999999999999999.9999';
    expect(toCanonical(new ExactDecimal(amount).times(10000).plus('0.0001'))).toBe('99999999999999999999.0001');
  });
});
