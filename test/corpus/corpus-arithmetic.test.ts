/**
 * Keeps the corpus honest: recomputes, from each CSV, the rules its JSON names and asserts that exactly the listed
 * findings fail. Deliberately independent of the import code (its own small reading of cells), so that an importer
 * bug cannot make a wrong expected result pass.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import Decimal from 'decimal.js';

const folder = __dirname;

interface Column { header: string; type: string }
interface Row { index: number; stt: string; label: string; kind: 'total' | 'section' | 'item' | 'label'; level: number }
interface Rule {
  kind: string;
  target?: string; terms?: string[]; columns?: string[];
  numerator?: string; denominator?: string; scale?: number;
  lower?: string; upper?: string; part?: string; total?: string;
}
interface Finding { rule: string; row: string; column: string; expected: string; found: string; difference: string }
/** `vietnamese`: '.' groups thousands, ',' marks decimals (the default); `decimal-point`: '.' marks decimals, no grouping. */
type Notation = 'vietnamese' | 'decimal-point';

interface Entry {
  source: { document: string; address: string; transcription: string };
  expected: {
    headerRows: number; dataRows: number; footnoteRows: number; emptyMeans?: string;
    /** Indicators as rows, periods as columns: rules then name indicator rows where they would name columns. */
    transposed?: boolean;
    notation?: Notation;
    columns: Column[]; rows: Row[]; rules: Rule[]; findings: Finding[];
  };
}

type Figure = { value: Decimal; decimals: number } | null;

/** An exact figure as published in the table's notation, or null when not one exact number. */
function exactIn(cell: string, notation: Notation = 'vietnamese'): Figure {
  const text = cell.trim().replace(/%$/, '').trim();
  if (notation === 'decimal-point') {
    if (!/^-?\d+(\.\d+)?$/.test(text)) return null;
    return { value: new Decimal(text), decimals: text.split('.')[1]?.length ?? 0 };
  }
  if (!/^-?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$/.test(text)) return null;
  const [whole, fraction = ''] = text.split(',');
  return { value: new Decimal(`${whole.replace(/\./g, '')}.${fraction || '0'}`), decimals: fraction.length };
}

/**
 * The table the rules read. A transposed table (indicators × years) is turned so that each indicator row becomes a
 * column named by its label and each period column a row named by its header.
 */
function ruleView(expected: Entry['expected'], grid: string[][]): { columns: Column[]; rows: Row[]; data: string[][] } {
  const data = grid.slice(expected.headerRows, expected.headerRows + expected.dataRows);
  if (!expected.transposed) return { columns: expected.columns, rows: expected.rows, data };
  const periods = expected.columns.map((c, at) => ({ ...c, at })).filter((c) => !['stt', 'label', 'unit'].includes(c.type));
  return {
    columns: expected.rows.map((r) => ({ header: r.label, type: 'measure' })),
    rows: periods.map((p, index): Row => ({ index, stt: '', label: p.header, kind: 'item', level: 0 })),
    data: periods.map((p) => data.map((cells) => cells[p.at])),
  };
}

/** Half a unit of the last published decimal: the rounding a figure carries (exact counts carry none). */
const rounding = (decimals: number) => (decimals === 0 ? new Decimal(0) : new Decimal(5).times(new Decimal(10).pow(-decimals - 1)));

function vietnamese(value: Decimal, decimals: number): string {
  const [whole, fraction] = value.abs().toFixed(decimals).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${value.isNegative() && !value.isZero() ? '-' : ''}${grouped}${fraction ? `,${fraction}` : ''}`;
}

function check(entry: Entry, grid: string[][]): Finding[] {
  const { expected } = entry;
  const { columns, rows, data } = ruleView(expected, grid);
  const exact = (cell: string) => exactIn(cell, expected.notation);
  const column = (header: string) => {
    const at = columns.findIndex((c) => c.header === header);
    if (at < 0) throw new Error(`no column "${header}"`);
    return at;
  };
  const rowName = (i: number) => `${i} | ${rows[i].label}`;
  const emptyIsZero = expected.emptyMeans === 'none';
  const findings: Finding[] = [];

  /** target vs Σ terms on row i; skipped when a figure is missing (or not exact) unless empty means none. */
  const sum = (rule: string, i: number, header: string, targetCell: string, termCells: string[]) => {
    const target = exact(targetCell);
    if (!target) return;
    let total = new Decimal(0);
    let tolerance = rounding(target.decimals);
    let decimals = target.decimals;
    for (const cell of termCells) {
      if (cell.trim() === '' && emptyIsZero) continue;
      const term = exact(cell);
      if (!term) return;
      total = total.plus(term.value);
      tolerance = tolerance.plus(rounding(term.decimals));
      decimals = Math.max(decimals, term.decimals);
    }
    const difference = total.minus(target.value);
    if (difference.abs().greaterThan(tolerance)) {
      findings.push({ rule, row: rowName(i), column: header, expected: vietnamese(total, decimals),
        found: targetCell.trim(), difference: vietnamese(difference, decimals) });
    }
  };

  const children = (i: number): number[] => {
    const parent = rows[i];
    const found: number[] = [];
    for (let j = i + 1; j < rows.length; j++) {
      const row = rows[j];
      if (row.kind === 'label') continue;
      if (row.kind === 'total' || row.level <= parent.level) break;
      if (row.level === parent.level + 1) found.push(j);
    }
    return found;
  };

  for (const rule of expected.rules) {
    switch (rule.kind) {
      case 'column-sum': {
        const target = column(rule.target!);
        const terms = rule.terms!.map(column);
        data.forEach((cells, i) => sum(rule.kind, i, rule.target!, cells[target], terms.map((t) => cells[t])));
        break;
      }
      case 'parent-sum':
        for (const header of rule.columns!) {
          const at = column(header);
          rows.forEach((row, i) => {
            const kids = children(i);
            if (row.kind === 'total' || kids.length === 0 || data[i][at].trim() === '') return; // empty parent: not broken down
            sum(rule.kind, i, header, data[i][at], kids.map((k) => data[k][at]));
          });
        }
        break;
      case 'total-sum': {
        const parts = rows.filter((r) => r.kind === 'section' || r.kind === 'item');
        const top = Math.min(...parts.map((r) => r.level));
        const terms = parts.filter((r) => r.level === top).map((r) => r.index);
        for (const header of rule.columns!) {
          const at = column(header);
          rows.filter((r) => r.kind === 'total')
            .forEach((r) => sum(rule.kind, r.index, header, data[r.index][at], terms.map((k) => data[k][at])));
        }
        break;
      }
      case 'ratio': {
        const [target, numerator, denominator] = [rule.target!, rule.numerator!, rule.denominator!].map(column);
        data.forEach((cells, i) => {
          const [t, n, d] = [cells[target], cells[numerator], cells[denominator]].map(exact);
          if (!t || !n || !d || d.value.isZero()) return;
          const ratio = n.value.dividedBy(d.value).times(rule.scale ?? 1);
          const difference = ratio.minus(t.value);
          if (difference.abs().greaterThan(rounding(t.decimals))) {
            findings.push({ rule: rule.kind, row: rowName(i), column: rule.target!, expected: vietnamese(ratio, t.decimals),
              found: cells[target].trim(), difference: vietnamese(difference, t.decimals) });
          }
        });
        break;
      }
      case 'bound':
      case 'part-le-total': {
        const [low, high] = (rule.kind === 'bound' ? [rule.lower!, rule.upper!] : [rule.part!, rule.total!]);
        const [l, h] = [column(low), column(high)];
        data.forEach((cells, i) => {
          const [a, b] = [exact(cells[l]), exact(cells[h])];
          if (a && b && a.value.greaterThan(b.value)) {
            const decimals = Math.max(a.decimals, b.decimals);
            findings.push({ rule: rule.kind, row: rowName(i), column: low, expected: `≤ ${cells[h].trim()}`,
              found: cells[l].trim(), difference: vietnamese(b.value.minus(a.value), decimals) });
          }
        });
        break;
      }
      case 'rate-range':
      case 'non-negative':
        for (const header of rule.columns!) {
          const at = column(header);
          data.forEach((cells, i) => {
            const figure = exact(cells[at]);
            if (!figure) return;
            const outside = figure.value.isNegative() || (rule.kind === 'rate-range' && figure.value.greaterThan(100));
            if (outside) {
              findings.push({ rule: rule.kind, row: rowName(i), column: header,
                expected: rule.kind === 'rate-range' ? '0 – 100' : '≥ 0', found: cells[at].trim(), difference: '' });
            }
          });
        }
        break;
      default:
        throw new Error(`the corpus test does not know rule kind "${rule.kind}"`);
    }
  }
  return findings;
}

const entries = readdirSync(folder).filter((name) => name.endsWith('.json')).sort();

describe('import corpus: published arithmetic', () => {
  it('has tables to check', () => {
    expect(entries.length).toBeGreaterThan(0);
  });

  describe.each(entries)('%s', (name) => {
    const entry: Entry = JSON.parse(readFileSync(join(folder, name), 'utf8'));
    const grid: string[][] = parse(readFileSync(join(folder, name.replace(/\.json$/, '.csv')), 'utf8'));
    const { expected } = entry;

    it('cites its source and matches the CSV shape', () => {
      expect(entry.source.document).toBeTruthy();
      expect(entry.source.address).toBeTruthy();
      expect(entry.source.transcription).toBeTruthy();
      expect(grid).toHaveLength(expected.headerRows + expected.dataRows + expected.footnoteRows);
      for (const cells of grid) expect(cells).toHaveLength(expected.columns.length);
    });

    it('lists every data row with the label printed in the CSV', () => {
      const stt = expected.columns.findIndex((c) => c.type === 'stt');
      const label = expected.columns.findIndex((c) => c.type === 'label');
      expect(expected.rows.map((r) => r.index)).toEqual([...Array(expected.dataRows).keys()]);
      for (const row of expected.rows) {
        const cells = grid[expected.headerRows + row.index];
        // A label merged over the STT cell is printed in the STT cell (the first cell of the merge).
        const printedLabel = cells[label] || (stt >= 0 ? cells[stt] : '');
        expect({ index: row.index, label: row.label, stt: row.stt })
          .toEqual({ index: row.index, label: printedLabel, stt: stt >= 0 && cells[label] ? cells[stt] : '' });
      }
    });

    it('fails exactly the published inconsistencies it lists', () => {
      expect(check(entry, grid)).toEqual(expected.findings);
    });
  });
});
