/**
 * The benchmarks' synthetic 10,000-row × 6-column budget table (9 sections × 111 items × 9 children + the
 * grand total), its planned edits that keep every sum, and its import into the seeded plan 132/KH-UBND.
 */
import { performance } from 'node:perf_hooks';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { formatVietnamese } from '../../domain/vietnamese-number';
import { FundingSource, Plan, ProgramComponent, SupportPolicy, TableTemplate } from '../../server/entities';
import { readAppendixCsv } from '../../server/import/appendix-csv';
import { importPlanTable } from '../../server/import/plan-table-import';


const SECTIONS = 9;
const ITEMS_PER_SECTION = 111;
const CHILDREN_PER_ITEM = 9;
const SOURCES = ['Ngân sách Trung ương', 'Ngân sách địa phương', 'Vốn vay ưu đãi', 'Huy động cộng đồng', 'Vốn lồng ghép'];
export const EXPECTED_COLUMN_KEYS = ['total', 'central-budget', 'local-budget', 'preferential-loans', 'community', 'integrated'];
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX'];
/** Items whose children the push edits: 625 items × 4 pairs × 4 cells = 10,000 cells. */
const EDITED_ITEMS = 625;
/** Amounts are generated in tenths of the unit (triệu đồng) so that sums stay exact integers. */
export const DELTA_TENTHS = 70;

type Kind = 'SECTION' | 'ITEM' | 'CHILD' | 'GRAND_TOTAL';

export interface SyntheticRow {
  publishedNumber: string;
  label: string;
  kind: Kind;
  /** Column order: total, then the five sources; tenths; null = empty cell. */
  values: (number | null)[];
}

export interface PlannedChange {
  row: number;
  column: number;
  base: number;
  sign: 1 | -1;
}

export interface SyntheticTable {
  csv: string;
  rows: SyntheticRow[];
  cellCount: number;
  /** The 10,000 cells the push edits; each row total and each parent stays the same. */
  plan: PlannedChange[];
  /** An empty source cell of a child the big push never touches: "someone else" toggles it between empty and 0. */
  otherCell: { row: number; column: number };
}

function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function canonical(tenths: number): string {
  const whole = Math.trunc(tenths / 10);
  const fraction = Math.abs(tenths % 10);
  return fraction === 0 ? String(whole) : `${whole}.${fraction}`;
}

function csvField(text: string): string {
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function buildSyntheticTable(): SyntheticTable {
  const random = mulberry32(20250701);
  const leaf = () => {
    const millions = 50 + Math.floor(random() * 250_000);
    return millions * 10 + (random() < 0.1 ? 5 : 0); // about one amount in ten has a decimal part (",5")
  };
  const rows: SyntheticRow[] = [];
  const plan: PlannedChange[] = [];
  const grand: SyntheticRow = { publishedNumber: '', label: `TỔNG CỘNG (${ROMAN.join('+')})`, kind: 'GRAND_TOTAL', values: [0, 0, 0, 0, 0, 0] };
  const addInto = (parent: SyntheticRow, child: SyntheticRow) => {
    child.values.forEach((value, column) => {
      parent.values[column] = (parent.values[column] as number) + (value ?? 0);
    });
  };
  let otherCell: { row: number; column: number } | null = null;
  for (let s = 0; s < SECTIONS; s++) {
    const section: SyntheticRow = { publishedNumber: ROMAN[s], label: `HUYỆN SỐ ${s + 1}: CÁC CHÍNH SÁCH VÀ DỰ ÁN THÀNH PHẦN`, kind: 'SECTION', values: [0, 0, 0, 0, 0, 0] };
    rows.push(section);
    for (let i = 0; i < ITEMS_PER_SECTION; i++) {
      const itemIndex = s * ITEMS_PER_SECTION + i;
      const item: SyntheticRow = { publishedNumber: String(i + 1), label: `Xã số ${i + 1} (huyện ${s + 1}): hỗ trợ phát triển sản xuất, đa dạng hóa sinh kế`, kind: 'ITEM', values: [0, 0, 0, 0, 0, 0] };
      rows.push(item);
      const childPositions: number[] = [];
      for (let c = 0; c < CHILDREN_PER_ITEM; c++) {
        // One source is empty in every child row, rotating, as published tables leave cells blank.
        const empty = (itemIndex + c) % SOURCES.length;
        const sources = SOURCES.map((_, source) => (source === empty ? null : leaf()));
        const total = sources.reduce<number>((sum, value) => sum + (value ?? 0), 0);
        const child: SyntheticRow = { publishedNumber: `${i + 1}.${c + 1}`, label: `Ấp ${c + 1}: mô hình giảm nghèo, hỗ trợ hộ nghèo và cận nghèo`, kind: 'CHILD', values: [total, ...sources] };
        childPositions.push(rows.length);
        rows.push(child);
        addInto(item, child);
      }
      if (itemIndex < EDITED_ITEMS) {
        // Pairs of children (0,1), (2,3), (4,5), (6,7): A += d, B -= d in the first and the reverse in the
        // second. Row totals stay, the item's columns stay, so every sum in the table still holds.
        for (let pair = 0; pair < 4; pair++) {
          const first = childPositions[2 * pair];
          const second = childPositions[2 * pair + 1];
          const empty = (itemIndex + 2 * pair) % SOURCES.length; // the second child's empty source is empty + 1
          const a = 1 + ((empty + 2) % SOURCES.length);
          const b = 1 + ((empty + 3) % SOURCES.length);
          for (const [row, column, sign] of [[first, a, 1], [first, b, -1], [second, a, -1], [second, b, 1]] as const) {
            const base = rows[row].values[column];
            if (base === null) throw new Error('internal: an edited cell is empty');
            plan.push({ row, column, base, sign });
          }
        }
      }
      if (itemIndex === SECTIONS * ITEMS_PER_SECTION - 1) {
        const last = childPositions[CHILDREN_PER_ITEM - 1];
        otherCell = { row: last, column: 1 + rows[last].values.slice(1).indexOf(null) };
      }
      addInto(section, item);
    }
    addInto(grand, section);
  }
  rows.push(grand);
  if (rows.length !== 10_000) throw new Error(`internal: ${rows.length} rows instead of 10,000`);
  if (plan.length !== 10_000) throw new Error(`internal: ${plan.length} planned changes instead of 10,000`);
  if (otherCell === null) throw new Error('internal: no cell for the concurrent push');

  const lines = [
    '# Synthetic budget table for the table-sync benchmark. Unit: triệu đồng.',
    ['STT', 'Nội dung', 'Tổng số', ...SOURCES].map(csvField).join(','),
    ['1', '2', '3', '4', '5', '6', '7', '8'].join(','),
  ];
  let cellCount = 0;
  for (const row of rows) {
    const values = row.values.map((value) => {
      if (value === null) return '';
      cellCount += 1;
      return csvField(formatVietnamese(canonical(value)));
    });
    lines.push([csvField(row.publishedNumber), csvField(row.label), ...values].join(','));
  }
  return { csv: lines.join('\n') + '\n', rows, cellCount, plan, otherCell };
}

function timedMs<T>(work: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = work();
  return { ms: performance.now() - start, value };
}

export async function importSynthetic(orm: MikroORM, csv: string): Promise<{ tableId: number; parseMs: number; importMs: number }> {
  const em = orm.em.fork() as EntityManager;
  const parsed = timedMs(() => readAppendixCsv(csv));
  const plan = await em.findOneOrFail(Plan, { documentNumber: '132/KH-UBND' });
  const template = await em.findOneOrFail(TableTemplate, { key: 'budget-by-funding-source' });
  const reference = {
    fundingSources: await em.find(FundingSource, {}),
    components: await em.find(ProgramComponent, {}),
    policies: await em.find(SupportPolicy, {}),
  };
  const importStart = performance.now();
  const tableId = await (async () => {
    const table = importPlanTable(
      em,
      {
        plan,
        title: 'Bench: 10.000 dòng × 6 cột',
        caption: 'Bảng tổng hợp giả lập cho đo hiệu năng đồng bộ',
        unitOfMeasure: 'triệu đồng',
        template,
        position: 100,
        appendix: parsed.value,
      },
      reference,
    );
    await em.flush();
    return table.id;
  })();
  return { tableId, parseMs: parsed.ms, importMs: performance.now() - importStart };
}
