/** Conflict resolution state: each conflicting cell with base / theirs / mine, and the choice per cell. Pure. */
import type { CellConflict } from '../api/types';

export type Choice = 'theirs' | 'mine';

export function cellKey(rowKey: string, columnKey: string): string {
  return `${rowKey}\u0000${columnKey}`;
}

export class ConflictResolution {
  private readonly choices = new Map<string, Choice>();

  constructor(readonly conflicts: readonly CellConflict[]) {}

  choose(rowKey: string, columnKey: string, choice: Choice): void {
    if (!this.conflicts.some((conflict) => conflict.rowKey === rowKey && conflict.columnKey === columnKey)) throw new Error(`No conflict at (${rowKey}, ${columnKey})`);
    this.choices.set(cellKey(rowKey, columnKey), choice);
  }

  chooseAll(choice: Choice): void {
    for (const conflict of this.conflicts) this.choices.set(cellKey(conflict.rowKey, conflict.columnKey), choice);
  }

  choiceOf(rowKey: string, columnKey: string): Choice | undefined {
    return this.choices.get(cellKey(rowKey, columnKey));
  }

  get complete(): boolean {
    return this.conflicts.every((conflict) => this.choices.has(cellKey(conflict.rowKey, conflict.columnKey)));
  }

  get pending(): number {
    return this.conflicts.filter((conflict) => !this.choices.has(cellKey(conflict.rowKey, conflict.columnKey))).length;
  }

  /** The choices as a map for the rebase. */
  toMap(): Map<string, Choice> {
    return new Map(this.choices);
  }
}
