/**
 * Derives the row tree of a published appendix table from its STT (row number) column, the way a reader
 * of a Vietnamese table does: I, III sections; 1, 2 items; 2.1 sub-items; a), b) sub-points; "–" or blank
 * rows detailing the numbered row above; "Trong đó:" labels; a "Tổng cộng" grand total.
 * Keys are built from the numbering only (never from labels), so re-importing a retyped label keeps them.
 */
import { RowKind } from './table-model';

export interface PublishedRow {
  publishedNumber: string | null;
  label: string;
  /** Whether any figure cell of the row is filled: a blank-STT row without figures is a label. */
  hasValues: boolean;
}

export interface DerivedRow {
  key: string;
  kind: RowKind;
  level: number;
  parentIndex: number | null;
}

type Numbering =
  | { form: 'ROMAN'; numeral: string }
  | { form: 'ARABIC'; path: string[] }
  | { form: 'LETTER'; letter: string }
  | { form: 'UNNUMBERED' }
  | { form: 'BLANK' };

const ROMAN = /^(?=[IVXLCDM])(M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3}))\.?$/;
const ARABIC = /^(\d+(?:\.\d+)*)[.)]?$/;
const LETTER = /^([a-zđ])[.)]?$/;
const GRAND_TOTAL_PREFIXES = ['tổng cộng', 'tổng số', 'cộng', 'toàn quốc', 'toàn tỉnh', 'toàn thành phố', 'toàn huyện', 'tổng nguồn vốn']
  .map((prefix) => prefix.normalize('NFC'));
const OF_WHICH = /^trong đó(?![\p{L}\p{N}])/iu;
const COMMUNITY = 'cộng đồng'.normalize('NFC');

function readNumbering(publishedNumber: string | null): Numbering {
  const text = (publishedNumber ?? '').normalize('NFC').trim();
  if (text === '') return { form: 'BLANK' };
  const roman = ROMAN.exec(text);
  if (roman) return { form: 'ROMAN', numeral: roman[1] };
  const arabic = ARABIC.exec(text);
  if (arabic) return { form: 'ARABIC', path: arabic[1].split('.').map((part) => part.replace(/^0+(?=\d)/, '')) };
  const letter = LETTER.exec(text);
  if (letter) return { form: 'LETTER', letter: letter[1] };
  // Bullets (–, -, +, *, •) and any numbering we do not recognise detail the numbered row above; the
  // published STT itself is kept on the row, so nothing is lost.
  return { form: 'UNNUMBERED' };
}

/** Whether a cell reads as an STT entry: I, 2, 2.1, a), or a dash or bullet. */
export function isRowNumbering(text: string): boolean {
  const numbering = readNumbering(text);
  return numbering.form === 'UNNUMBERED' ? /^[-–—+*•·]$/.test(text.trim()) : numbering.form !== 'BLANK';
}

/** "Tổng cộng", "TỔNG CỘNG (I+II):", "Tổng số", "Cộng", "Toàn quốc", "Tổng nguồn vốn…" — but not "Cộng đồng …" (community). */
export function isGrandTotalLabel(label: string): boolean {
  const text = label.normalize('NFC').trim().toLowerCase();
  if (text.startsWith(COMMUNITY)) return false;
  return GRAND_TOTAL_PREFIXES.some((prefix) => text.startsWith(prefix) && !/^[\p{L}\p{N}]/u.test(text.slice(prefix.length)));
}

function childKey(parentKey: string | null, segment: string): string {
  return parentKey === null ? segment : `${parentKey}.${segment}`;
}

/**
 * `withoutNumbers`: the table has no STT column at all, so an unnumbered row with figures is an item of its
 * own (not a detail of the row above), dashed or "Trong đó:" rows below it are its children, and a caption
 * row without figures is a section over the rows below it. `indicators`: rows are indicators (a table with
 * years as columns), so "Tổng số hộ" is an indicator like the others, not the table's total row.
 * `totalIndex`: the row a person said is the table's total, whatever its label (and no other row is).
 */
export function deriveHierarchy(rows: readonly PublishedRow[], options: { withoutNumbers?: boolean; indicators?: boolean; totalIndex?: number } = {}): DerivedRow[] {
  const derived: DerivedRow[] = [];
  const keyUses = new Map<string, number>();
  const unnumberedOrdinals = new Map<string, number>();
  let section: number | null = null;
  let item: number | null = null;
  /** Most recent numbered row of any form: bullets and labels attach here. */
  let numbered: number | null = null;
  /** Most recent numbered row that is not a letter: letters attach here, so b) is a sibling of a). */
  let numberedAboveLetters: number | null = null;
  /** Numbered rows of the current section by number path ("2", "2.1"), latest first. */
  let byPath = new Map<string, number>();

  const uniqueKey = (base: string): string => {
    const uses = (keyUses.get(base) ?? 0) + 1;
    keyUses.set(base, uses);
    return uses === 1 ? base : `${base}#${uses}`;
  };
  const keyOf = (index: number | null): string | null => (index === null ? null : derived[index].key);
  const add = (kind: RowKind, parentIndex: number | null, baseKey: string): void => {
    const level = parentIndex === null ? 0 : derived[parentIndex].level + 1;
    derived.push({ key: uniqueKey(baseKey), kind, level, parentIndex });
  };
  const addUnnumbered = (kind: RowKind, marker: '-' | '~', parentIndex: number | null): void => {
    const parentKey = keyOf(parentIndex);
    const ordinalKey = `${parentKey ?? ''}\u0000${marker}`;
    const ordinal = (unnumberedOrdinals.get(ordinalKey) ?? 0) + 1;
    unnumberedOrdinals.set(ordinalKey, ordinal);
    add(kind, parentIndex, childKey(parentKey, `${marker}${ordinal}`));
  };

  // By its label, a total row is unnumbered; a row chosen by a person may carry a number.
  const isTotal = (row: PublishedRow, index: number, form: string): boolean =>
    (options.totalIndex === undefined ? form === 'BLANK' && !options.indicators && isGrandTotalLabel(row.label) : index === options.totalIndex);

  rows.forEach((row, index) => {
    const numbering = readNumbering(row.publishedNumber);
    if (isTotal(row, index, numbering.form)) {
      add('GRAND_TOTAL', null, 'TOTAL');
      // Nothing after a grand total belongs to the rows before it.
      section = item = numbered = numberedAboveLetters = null;
      byPath = new Map();
      return;
    }
    switch (numbering.form) {
      case 'ROMAN':
        add('SECTION', null, numbering.numeral);
        section = numbered = numberedAboveLetters = index;
        item = null;
        byPath = new Map();
        return;
      case 'ARABIC': {
        const { path } = numbering;
        let parent: number | null = null;
        if (path.length === 1) {
          parent = section;
        } else {
          for (let length = path.length - 1; length >= 1 && parent === null; length--) {
            parent = byPath.get(path.slice(0, length).join('.')) ?? null;
          }
          parent ??= item ?? section;
        }
        add(path.length === 1 ? 'ITEM' : 'CHILD', parent, childKey(keyOf(section), path.join('.')));
        if (path.length === 1) item = index;
        byPath.set(path.join('.'), index);
        numbered = numberedAboveLetters = index;
        return;
      }
      case 'LETTER':
        add('CHILD', numberedAboveLetters, childKey(keyOf(numberedAboveLetters), numbering.letter));
        numbered = index;
        return;
      case 'UNNUMBERED':
        addUnnumbered('CHILD', '-', numbered);
        return;
      case 'BLANK':
        if (row.hasValues && options.withoutNumbers) {
          addUnnumbered('ITEM', '-', section);
          numbered = numberedAboveLetters = index;
        } else if (options.withoutNumbers && !OF_WHICH.test(row.label.normalize('NFC').trim())) {
          // A caption row without figures ("Theo chuẩn nghèo giai đoạn 2011 - 2015") heads the rows below it.
          addUnnumbered('SECTION', '~', null);
          section = index;
          numbered = numberedAboveLetters = null;
        } else if (row.hasValues) {
          addUnnumbered('CHILD', '-', numbered);
        } else {
          addUnnumbered('LABEL', '~', numbered);
        }
        return;
    }
  });
  return derived;
}
