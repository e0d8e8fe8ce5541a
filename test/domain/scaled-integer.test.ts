import { commonScale, fromScaled, toScaled } from '../../domain/scaled-integer';

describe('scaled integers', () => {
  it.each([
    ['0', 0, 0n],
    ['5600826', 0, 5600826n],
    ['5600826', 2, 560082600n],
    ['0.21', 2, 21n],
    ['0.21', 4, 2100n],
    ['-12.5', 1, -125n],
    ['-0.0001', 4, -1n],
    ['0.020', 3, 20n], // machine form with a trailing zero, as rule constants may be written
    ['99999999999999999999.0001', 4, 999999999999999999990001n],
  ])('%s at scale %d is %s', (decimal, scale, scaled) => {
    expect(toScaled(decimal, scale)).toBe(scaled);
  });

  it('refuses a value with more decimal places than the scale, rather than truncating it', () => {
    expect(() => toScaled('0.125', 2)).toThrow(RangeError);
  });

  it.each([
    [0n, 0, '0'],
    [21n, 2, '0.21'],
    [-125n, 1, '-12.5'],
    [-1n, 4, '-0.0001'],
    [560082600n, 2, '5600826'],
    [999999999999999999990001n, 4, '99999999999999999999.0001'],
  ])('%s at scale %d reads back as %s', (scaled, scale, canonical) => {
    expect(fromScaled(scaled, scale).toFixed()).toBe(canonical);
  });

  it('finds the scale that holds every value', () => {
    expect(commonScale([])).toBe(0);
    expect(commonScale(['1', '0.5', '-12.125', '100'])).toBe(3);
    expect(commonScale(['0.020'])).toBe(3);
  });
});
