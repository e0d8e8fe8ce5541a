/**
 * Numbers as Vietnamese documents write them ("5.600.826", "0,21") and as the system stores them
 * (canonical: "5600826", "0.21"). Parsing refuses anything a Vietnamese writer would not produce
 * unambiguously: guessing between "1.5" (English 1.5) and "1.500" (Vietnamese 1500) corrupts money.
 */

export type NumberErrorCode =
  | 'FORMULA'
  | 'INTERIOR_SPACE'
  | 'PLUS_SIGN'
  | 'REPEATED_SIGN'
  | 'EXPONENT'
  | 'INVALID_CHARACTER'
  | 'MISSING_DIGITS'
  | 'MIXED_SEPARATORS'
  | 'MULTIPLE_COMMAS'
  | 'BAD_GROUPING'
  | 'LEADING_ZERO'
  | 'NOT_CANONICAL'
  | 'TOO_MANY_DECIMALS'
  | 'OUT_OF_RANGE';

export interface NumberError {
  code: NumberErrorCode;
  messageVi: string;
  messageEn: string;
}

/** value null: the text was empty, which is not zero. */
export type NumberParse = { ok: true; value: string | null } | { ok: false; error: NumberError };

const CANONICAL_INPUT = /^(-?)(\d+)(?:\.(\d+))?$/;
const STRICT_CANONICAL = /^-?(?:0|[1-9]\d*)(?:\.\d*[1-9])?$/;
const GROUPED_THOUSANDS = /^[1-9]\d{0,2}(?:\.\d{3})+$/;
const EXPONENT_NOTATION = /^[\d.,]+e[-+−]?\d+$/i;

function failure(code: NumberErrorCode, messageVi: string, messageEn: string): NumberParse {
  return { ok: false, error: { code, messageVi, messageEn } };
}

function canonicalFrom(negative: boolean, integerDigits: string, fractionDigits: string): string {
  const integer = integerDigits.replace(/^0+(?=\d)/, '');
  const fraction = fractionDigits.replace(/0+$/, '');
  const unsigned = fraction === '' ? integer : `${integer}.${fraction}`;
  return negative && unsigned !== '0' ? `-${unsigned}` : unsigned;
}

export function parseVietnameseNumber(text: string): NumberParse {
  const input = text.trim(); // String.trim also removes NBSP and the other Unicode spaces
  if (input === '') return { ok: true, value: null };
  const q = `"${input}"`;

  if (input.startsWith('=')) {
    return failure('FORMULA', `${q} là công thức, không phải số; hãy nhập giá trị số (ví dụ 5.600.826)`,
      `${q} is a formula, not a number; enter the value itself (e.g. 5.600.826)`);
  }
  if (/\s/.test(input)) {
    return failure('INTERIOR_SPACE',
      `${q} có khoảng trắng bên trong số; hãy viết liền, phân cách hàng nghìn bằng dấu chấm (ví dụ 5.600.826)`,
      `${q} contains a space inside the number; write it without spaces, grouping thousands with dots (e.g. 5.600.826)`);
  }
  const signs = /^[-−+]*/.exec(input)![0];
  if (signs.includes('+')) {
    return failure('PLUS_SIGN', `${q}: không dùng dấu cộng; số dương viết không có dấu`,
      `${q}: a plus sign is not accepted; write positive numbers without a sign`);
  }
  if (signs.length > 1) {
    return failure('REPEATED_SIGN', `${q} có nhiều hơn một dấu trừ`, `${q} has more than one minus sign`);
  }
  const body = input.slice(signs.length);
  if (EXPONENT_NOTATION.test(body)) {
    return failure('EXPONENT', `${q} viết dạng lũy thừa (e); hãy viết đầy đủ các chữ số`,
      `${q} uses exponent notation; write all the digits out`);
  }
  const invalid = /[^\d.,]/.exec(body);
  if (invalid) {
    return failure('INVALID_CHARACTER',
      `${q} chứa ký tự không hợp lệ "${invalid[0]}"; chỉ dùng chữ số, dấu chấm phân cách hàng nghìn và dấu phẩy thập phân`,
      `${q} contains the invalid character "${invalid[0]}"; use only digits, dots between thousands and a decimal comma`);
  }
  const comma = body.indexOf(',');
  if (comma >= 0 && body.indexOf('.', comma) >= 0) {
    return failure('MIXED_SEPARATORS',
      `${q} có dấu chấm đứng sau dấu phẩy: đó là cách viết tiếng Anh (1,234.5), không rõ nghĩa; cách viết Việt Nam là 1.234,5`,
      `${q} has a dot after a comma: that is English notation (1,234.5) and ambiguous here; Vietnamese notation is 1.234,5`);
  }
  if (comma !== body.lastIndexOf(',')) {
    return failure('MULTIPLE_COMMAS',
      `${q} có nhiều dấu phẩy; số viết kiểu Việt Nam chỉ có một dấu phẩy thập phân (hàng nghìn phân cách bằng dấu chấm)`,
      `${q} has more than one comma; Vietnamese numbers have a single decimal comma (thousands are grouped with dots)`);
  }
  const integerPart = comma >= 0 ? body.slice(0, comma) : body;
  const fractionPart = comma >= 0 ? body.slice(comma + 1) : '';
  if (body === '' || (comma >= 0 && (integerPart === '' || fractionPart === ''))) {
    return failure('MISSING_DIGITS', `${q} thiếu chữ số${comma >= 0 ? ' trước hoặc sau dấu phẩy thập phân' : ''}`,
      `${q} is missing digits${comma >= 0 ? ' before or after the decimal comma' : ''}`);
  }
  if (integerPart.includes('.')) {
    if (!GROUPED_THOUSANDS.test(integerPart)) {
      return failure('BAD_GROUPING',
        `${q}: dấu chấm chỉ dùng để phân cách hàng nghìn, nhóm đầu không bắt đầu bằng 0 và sau mỗi dấu chấm phải có đúng 3 chữ số (ví dụ 5.600.826); nếu đây là số thập phân, hãy dùng dấu phẩy (ví dụ 0,21)`,
        `${q}: a dot may only separate thousands: the first group must not start with 0 and every dot must be followed by exactly 3 digits (e.g. 5.600.826); if this is a decimal, use a comma (e.g. 0,21)`);
    }
  } else if (integerPart.length > 1 && integerPart.startsWith('0') && fractionPart !== '') {
    // Zero-padded whole numbers are administrative style ("06 hộ", "03 Quyết định") and unambiguous;
    // a padded decimal ("00,5") is not something a person writes.
    return failure('LEADING_ZERO', `${q} có chữ số 0 thừa ở đầu`, `${q} has a superfluous leading zero`);
  }
  return { ok: true, value: canonicalFrom(signs.length === 1, integerPart.replace(/\./g, ''), fractionPart) };
}

/** Parses the machine form (-?digits[.digits]) and normalises it; anything else is refused. */
export function parseCanonicalDecimal(value: string): NumberParse {
  const match = CANONICAL_INPUT.exec(value);
  if (!match) {
    return failure('NOT_CANONICAL',
      `"${value}" không ở dạng số chuẩn của hệ thống (dấu chấm thập phân, không phân cách hàng nghìn, không khoảng trắng, ví dụ -1234.5)`,
      `"${value}" is not in the canonical form expected (decimal point '.', no grouping, no spaces, e.g. -1234.5)`);
  }
  return { ok: true, value: canonicalFrom(match[1] === '-', match[2], match[3] ?? '') };
}

export function isCanonicalDecimal(value: string): boolean {
  return STRICT_CANONICAL.test(value) && value !== '-0';
}

function assertCanonical(value: string): void {
  if (!isCanonicalDecimal(value)) throw new Error(`Not a canonical decimal string: "${value}"`);
}

function formatGrouped(canonical: string, groupSeparator: string, decimalSeparator: string): string {
  assertCanonical(canonical);
  const negative = canonical.startsWith('-');
  const [integer, fraction] = (negative ? canonical.slice(1) : canonical).split('.');
  const grouped = integer.replace(/\B(?=(\d{3})+$)/g, groupSeparator);
  return `${negative ? '-' : ''}${grouped}${fraction === undefined ? '' : decimalSeparator + fraction}`;
}

/** "5600826" → "5.600.826", "-0.21" → "-0,21". */
export function formatVietnamese(canonical: string): string {
  return formatGrouped(canonical, '.', ',');
}

/** "5600826" → "5,600,826", for English messages. */
export function formatEnglish(canonical: string): string {
  return formatGrouped(canonical, ',', '.');
}

export function decimalPlaces(canonical: string): number {
  assertCanonical(canonical);
  const point = canonical.indexOf('.');
  return point < 0 ? 0 : canonical.length - point - 1;
}

/**
 * Whether a canonical value can be stored in PostgreSQL numeric(precision, scale) without rounding or
 * overflow. PostgreSQL would silently round extra decimals, so those get their own error code.
 */
export function fitsNumeric(canonical: string, precision: number, scale: number): NumberError | null {
  if (!Number.isInteger(precision) || !Number.isInteger(scale) || precision < 1 || scale < 0 || scale > precision) {
    throw new RangeError(`Invalid numeric(${precision},${scale})`);
  }
  const places = decimalPlaces(canonical);
  const type = `numeric(${precision},${scale})`;
  if (places > scale) {
    return {
      code: 'TOO_MANY_DECIMALS',
      messageVi: `"${formatVietnamese(canonical)}" có ${places} chữ số thập phân, vượt quá ${scale} chữ số thập phân cho phép (${type})`,
      messageEn: `"${formatEnglish(canonical)}" has ${places} decimal places, more than the ${scale} allowed (${type})`,
    };
  }
  const integerDigits = canonical.replace(/^-/, '').split('.')[0].replace(/^0$/, '').length;
  if (integerDigits > precision - scale) {
    return {
      code: 'OUT_OF_RANGE',
      messageVi: `"${formatVietnamese(canonical)}" vượt quá giới hạn ${type}: tối đa ${precision} chữ số, trong đó ${scale} chữ số thập phân (tối đa ${precision - scale} chữ số phần nguyên)`,
      messageEn: `"${formatEnglish(canonical)}" exceeds ${type}: at most ${precision} digits, ${scale} of them decimals (at most ${precision - scale} integer digits)`,
    };
  }
  return null;
}
