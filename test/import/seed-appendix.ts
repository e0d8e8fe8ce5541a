/** The seeded Cần Thơ appendix (Phụ lục 2, plan 132/KH-UBND) as the grid of a copied table: header, column numbers, data. */
import { readFileSync } from 'fs';
import { join } from 'path';
import { parse } from 'csv-parse/sync';

export const SEED_APPENDIX_CSV = join(__dirname, '../../server/seed/files/can-tho-plan-132-appendix-2.csv');

export function seedAppendixGrid(): string[][] {
  const text = readFileSync(SEED_APPENDIX_CSV, 'utf8');
  return parse(text.split('\n').filter((line) => !line.startsWith('#')).join('\n')) as string[][];
}
