import { foldLabel } from '../label-match';

/**
 * Official names carry their type ("Thành phố Cần Thơ", "Xã Đất Mũi"); people type them with or
 * without it, abbreviated ("TP. Cần Thơ") and without diacritics. Names and queries are folded to
 * lower case without diacritics and split into the type and the name proper.
 */
const TYPES: { folded: string; abbreviations: string[] }[] = [
  { folded: 'thanh pho', abbreviations: ['tp'] },
  { folded: 'thi xa', abbreviations: ['tx'] },
  { folded: 'thi tran', abbreviations: ['tt'] },
  { folded: 'dac khu', abbreviations: ['dk'] },
  { folded: 'tinh', abbreviations: [] },
  { folded: 'quan', abbreviations: ['q'] },
  { folded: 'huyen', abbreviations: ['h'] },
  { folded: 'phuong', abbreviations: ['p'] },
  { folded: 'xa', abbreviations: ['x'] },
];

export interface FoldedUnitName {
  /** The folded type ("thanh pho"), or null when the text names none. */
  type: string | null;
  /** The folded name without its type ("can tho"). */
  name: string;
}

/** Splits folded text into a leading type (full or abbreviated) and the rest. */
export function foldUnitName(text: string): FoldedUnitName {
  const folded = foldLabel(text);
  for (const type of TYPES) {
    for (const prefix of [type.folded, ...type.abbreviations]) {
      if (folded.startsWith(`${prefix} `)) return { type: type.folded, name: folded.slice(prefix.length + 1) };
    }
  }
  return { type: null, name: folded };
}
