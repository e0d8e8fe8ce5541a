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

type HierarchyOptions = { withoutNumbers?: boolean; indicators?: boolean; totalIndex?: number; noTotal?: boolean };

/** The tree as read so far, row by row: the derived rows and the rows that later rows attach to. */
class HierarchyReading {
  readonly derived: DerivedRow[] = [];
  private readonly keyUses = new Map<string, number>();
  private readonly unnumberedOrdinals = new Map<string, number>();
  private section: number | null = null;
  private item: number | null = null;
  /** Most recent numbered row of any form: bullets and labels attach here. */
  private numbered: number | null = null;
  /** Most recent numbered row that is not a letter: letters attach here, so b) is a sibling of a). */
  private numberedAboveLetters: number | null = null;
  /** Numbered rows of the current section by number path ("2", "2.1"), latest first. */
  private byPath = new Map<string, number>();

  constructor(private readonly options: HierarchyOptions) {}

  private uniqueKey(base: string): string {
    const uses = (this.keyUses.get(base) ?? 0) + 1;
    this.keyUses.set(base, uses);
    return uses === 1 ? base : `${base}#${uses}`;
  }

  private keyOf(index: number | null): string | null {
    return index === null ? null : this.derived[index].key;
  }

  private add(kind: RowKind, parentIndex: number | null, baseKey: string): void {
    const level = parentIndex === null ? 0 : this.derived[parentIndex].level + 1;
    this.derived.push({ key: this.uniqueKey(baseKey), kind, level, parentIndex });
  }

  private addUnnumbered(kind: RowKind, marker: '-' | '~', parentIndex: number | null): void {
    const parentKey = this.keyOf(parentIndex);
    const ordinalKey = `${parentKey ?? ''}\u0000${marker}`;
    const ordinal = (this.unnumberedOrdinals.get(ordinalKey) ?? 0) + 1;
    this.unnumberedOrdinals.set(ordinalKey, ordinal);
    this.add(kind, parentIndex, childKey(parentKey, `${marker}${ordinal}`));
  }

  /**
   * A row labelled as a total that a person said is not the total (a subtotal, or a total of rows not
   * listed) is an item of its own at the top level, so no parent's sum counts it.
   */
  totalRow(isTotal: boolean): void {
    if (isTotal) this.add('GRAND_TOTAL', null, 'TOTAL');
    else this.addUnnumbered('ITEM', '-', null);
    // Nothing after a grand total (or a row labelled as one) belongs to the rows before it.
    this.section = this.item = this.numbered = this.numberedAboveLetters = null;
    this.byPath = new Map();
  }

  numberedRow(numbering: Exclude<Numbering, { form: 'BLANK' }>, index: number): void {
    switch (numbering.form) {
      case 'ROMAN':
        this.add('SECTION', null, numbering.numeral);
        this.section = this.numbered = this.numberedAboveLetters = index;
        this.item = null;
        this.byPath = new Map();
        return;
      case 'ARABIC':
        this.arabicRow(numbering.path, index);
        return;
      case 'LETTER':
        this.add('CHILD', this.numberedAboveLetters, childKey(this.keyOf(this.numberedAboveLetters), numbering.letter));
        this.numbered = index;
        return;
      case 'UNNUMBERED':
        this.addUnnumbered('CHILD', '-', this.numbered);
        return;
    }
  }

  /** 1, 2 are items of the section; 2.1 a child of the nearest row numbered as its prefix. */
  private arabicRow(path: string[], index: number): void {
    let parent: number | null = null;
    if (path.length === 1) {
      parent = this.section;
    } else {
      for (let length = path.length - 1; length >= 1 && parent === null; length--) {
        parent = this.byPath.get(path.slice(0, length).join('.')) ?? null;
      }
      parent ??= this.item ?? this.section;
    }
    this.add(path.length === 1 ? 'ITEM' : 'CHILD', parent, childKey(this.keyOf(this.section), path.join('.')));
    if (path.length === 1) this.item = index;
    this.byPath.set(path.join('.'), index);
    this.numbered = this.numberedAboveLetters = index;
  }

  blankRow(row: PublishedRow, index: number): void {
    if (row.hasValues && this.options.withoutNumbers) {
      this.addUnnumbered('ITEM', '-', this.section);
      this.numbered = this.numberedAboveLetters = index;
    } else if (this.options.withoutNumbers && !OF_WHICH.test(row.label.normalize('NFC').trim())) {
      // A caption row without figures ("Theo chuẩn nghèo giai đoạn 2011 - 2015") heads the rows below it.
      this.addUnnumbered('SECTION', '~', null);
      this.section = index;
      this.numbered = this.numberedAboveLetters = null;
    } else if (row.hasValues) {
      this.addUnnumbered('CHILD', '-', this.numbered);
    } else {
      this.addUnnumbered('LABEL', '~', this.numbered);
    }
  }
}

/**
 * `withoutNumbers`: the table has no STT column at all, so an unnumbered row with figures is an item of its
 * own (not a detail of the row above), dashed or "Trong đó:" rows below it are its children, and a caption
 * row without figures is a section over the rows below it. `indicators`: rows are indicators (a table with
 * years as columns), so "Tổng số hộ" is an indicator like the others, not the table's total row.
 * `totalIndex`: the row a person said is the table's total, whatever its label (and no other row is).
 * `noTotal`: a person said the table has no total row, whatever the labels.
 */
export function deriveHierarchy(rows: readonly PublishedRow[], options: HierarchyOptions = {}): DerivedRow[] {
  const reading = new HierarchyReading(options);
  // By its label, a total row is unnumbered; a row chosen by a person may carry a number.
  const chosen = options.noTotal === true || options.totalIndex !== undefined;
  rows.forEach((row, index) => {
    const numbering = readNumbering(row.publishedNumber);
    const byLabel = numbering.form === 'BLANK' && !options.indicators && isGrandTotalLabel(row.label);
    const total = chosen ? !options.noTotal && index === options.totalIndex : byLabel;
    if (total || byLabel) reading.totalRow(total);
    else if (numbering.form === 'BLANK') reading.blankRow(row, index);
    else reading.numberedRow(numbering, index);
  });
  return reading.derived;
}
