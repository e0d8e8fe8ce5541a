import type { SeedIndicator } from './data/types';

/**
 * How the seeded indicators aggregate: counts and money add up; a rate is recomputed from its
 * numerator and denominator where both are indicators; other rates and point changes do not
 * aggregate. Total households has no published value yet: rate roll-ups say so.
 */
export const extraIndicators: SeedIndicator[] = [
  { key: 'TOTAL_HOUSEHOLDS', name: 'Tổng số hộ dân', nameEn: 'All households', unit: 'HOUSEHOLDS', direction: 'NEUTRAL', decimals: 0 },
];

export const ratioIndicators: Record<string, { numerator: string; denominator: string; scale: string }> = {
  POOR_HOUSEHOLD_RATE: { numerator: 'POOR_HOUSEHOLDS', denominator: 'TOTAL_HOUSEHOLDS', scale: '100' },
  NEAR_POOR_RATE: { numerator: 'NEAR_POOR_HOUSEHOLDS', denominator: 'TOTAL_HOUSEHOLDS', scale: '100' },
};

const ADDITIVE_UNITS = new Set(['HOUSEHOLDS', 'PERSONS', 'WORKERS', 'CHILDREN', 'MODELS', 'HOUSES', 'MILLION_VND', 'COUNT']);

export function aggregationOf(indicator: SeedIndicator): 'SUM' | 'RATIO' | 'NONE' {
  if (ratioIndicators[indicator.key]) return 'RATIO';
  return ADDITIVE_UNITS.has(indicator.unit) ? 'SUM' : 'NONE';
}
