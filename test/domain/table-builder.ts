/** Compact construction of test tables: levels follow from parents, labels from keys. */
import { ColumnType, RowKind, TableRow, TableSnapshot } from '../../domain/table-model';

export type ColumnSpec = [key: string, label: string, type?: ColumnType, scale?: number];
export type RowSpec = [key: string, parentKey: string | null, kind: RowKind, values: (string | null)[], publishedNumber?: string | null];

export function buildTable(columnSpecs: ColumnSpec[], rowSpecs: RowSpec[]): TableSnapshot {
  const columns = columnSpecs.map(([key, label, type = 'MONEY', scale = 0]) => ({
    key, label, publishedNumber: null, type, scale, editable: true,
  }));
  const levels = new Map<string, number>();
  const rows: TableRow[] = rowSpecs.map(([key, parentKey, kind, , publishedNumber = key]) => {
    const level = parentKey === null ? 0 : levels.get(parentKey)! + 1;
    levels.set(key, level);
    return { key, publishedNumber, label: `Mục ${key}`, level, parentKey, kind, editable: true, computed: false };
  });
  const cells = rowSpecs.flatMap(([rowKey, , , values]) =>
    values.map((value, column) => ({ rowKey, columnKey: columns[column].key, value })),
  );
  return TableSnapshot.create({ columns, rows, cells });
}
