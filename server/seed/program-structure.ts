import { parse } from 'csv-parse/sync';
import { ComponentLevel } from '../entities';

export interface ComponentSeed {
  key: string;
  level: ComponentLevel;
  number: string;
  name: string;
  parentKey: string | null;
  guidance: string | null;
}

/** Reads the national structure (reference/qd90_program_structure.csv): keys like DA3 and DA3.TDA1. */
export function readProgramStructure(csv: string): ComponentSeed[] {
  const body = csv
    .split(/\r?\n/)
    .filter((line) => !line.startsWith('#'))
    .join('\n');
  const records: Record<string, string>[] = parse(body, { columns: true, skip_empty_lines: true });
  return records.map((record) => {
    const key = record.ma_goi_y.trim();
    const dot = key.lastIndexOf('.');
    return {
      key,
      level: record.cap === 'du_an' ? ComponentLevel.PROJECT : ComponentLevel.SUB_PROJECT,
      number: record.so_hieu.trim(),
      name: record.ten.trim(),
      parentKey: dot === -1 ? null : key.slice(0, dot),
      guidance: record.van_ban_huong_dan_tim_thay?.trim() || null,
    };
  });
}
