/**
 * Cell values of one validation run as scaled integers (see scaled-integer.ts), parsed once per column
 * and shared by all rules. The scale covers every cell and every decimal constant of the rules.
 */
import Decimal from 'decimal.js';
import { TableSnapshot } from '../table-model';
import { fromScaled, toScaled } from '../scaled-integer';

type Column = readonly (bigint | null)[];

export class CellReader {
  private readonly ownColumns: (Column | undefined)[] = [];
  private readonly rolledUpColumns: (Column | undefined)[] = [];
  private readonly parentIndexes: readonly (number | null)[];
  private readonly inexactColumns: (Uint8Array | undefined)[] = [];

  /**
   * `inexact`: slots (row × columns + column) of cells published as a range or an approximate figure
   * ("6,5 - 7,2", "khoảng 10.500"). They are empty in the snapshot and never count as exact: a check that
   * involves one, or a parent that would roll up from one, is not made.
   */
  constructor(
    private readonly snapshot: TableSnapshot,
    readonly scale: number,
    private readonly inexact: ReadonlySet<number> = new Set(),
  ) {
    this.parentIndexes = snapshot.rows.map((row) => (row.parentKey === null ? null : snapshot.rowIndex(row.parentKey)!));
  }

  get hasInexact(): boolean {
    return this.inexact.size > 0;
  }

  /** Whether the cell is inexact, or (rolledUp) empty with an inexact cell among the children it would roll up from. */
  isInexact(row: number, column: number, rolledUp: boolean): boolean {
    if (!rolledUp) return this.inexact.has(row * this.snapshot.columns.length + column);
    return (this.inexactColumns[column] ??= this.inexactColumn(column))[row] === 1;
  }

  private inexactColumn(column: number): Uint8Array {
    const width = this.snapshot.columns.length;
    const flags = new Uint8Array(this.snapshot.rows.length);
    const own = this.ownColumn(column);
    for (let row = flags.length - 1; row >= 0; row--) {
      if (this.inexact.has(row * width + column)) flags[row] = 1;
      const parent = this.parentIndexes[row];
      if (flags[row] && parent !== null && own[parent] === null && this.snapshot.rows[row].kind !== 'LABEL') flags[parent] = 1;
    }
    return flags;
  }

  /** A decimal constant (tolerance, bound…) at this run's scale. */
  scaled(canonical: string): bigint {
    return toScaled(canonical, this.scale);
  }

  decimal(value: bigint): Decimal {
    return fromScaled(value, this.scale);
  }

  /** The cell's own value; null when empty. */
  own(row: number, column: number): bigint | null {
    return this.ownColumn(column)[row];
  }

  /**
   * The cell's own value or, when empty, the sum of its children's rolled-up values if at least one child
   * has one ("not broken down here"). LABEL rows take no part. RATE columns never roll up: rates do not add.
   */
  rolledUp(row: number, column: number): bigint | null {
    return (this.rolledUpColumns[column] ??= this.rollUpColumn(column))[row];
  }

  private ownColumn(column: number): Column {
    return (this.ownColumns[column] ??= this.snapshot.rows.map((_, row) => {
      const value = this.snapshot.valueAt(row, column);
      return value === null ? null : toScaled(value, this.scale);
    }));
  }

  /** One bottom-up pass: parents precede their children, so every child is final before its parent. */
  private rollUpColumn(column: number): Column {
    const rolledUp = [...this.ownColumn(column)];
    if (this.snapshot.columns[column].type === 'RATE') return rolledUp;
    const childSums: (bigint | null)[] = rolledUp.map(() => null);
    for (let row = rolledUp.length - 1; row >= 0; row--) {
      rolledUp[row] ??= childSums[row];
      const parent = this.parentIndexes[row];
      const value = rolledUp[row];
      if (parent !== null && value !== null && this.snapshot.rows[row].kind !== 'LABEL') {
        childSums[parent] = (childSums[parent] ?? 0n) + value;
      }
    }
    return rolledUp;
  }
}
