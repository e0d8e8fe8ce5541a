import type { SeedIndicator } from './data/types';

/**
 * How the seeded indicators aggregate: counts and money add up; a rate is recomputed from its
 * numerator and denominator where both are indicators; other rates and point changes do not
 * aggregate. Total households has no published value yet: rate roll-ups say so. Households that fell
 * back into poverty and newly poor households are what the yearly review counts besides exits: with
 * them, indicator tables check the stock's balance.
 */
export const extraIndicators: SeedIndicator[] = [
  { key: 'TOTAL_HOUSEHOLDS', name: 'Tổng số hộ dân', nameEn: 'All households', unit: 'HOUSEHOLDS', direction: 'NEUTRAL', decimals: 0 },
  { key: 'POOR_HOUSEHOLDS_FELL_BACK', name: 'Số hộ tái nghèo', nameEn: 'Households that fell back into poverty', unit: 'HOUSEHOLDS', direction: 'LOWER_IS_BETTER', decimals: 0 },
  { key: 'NEW_POOR_HOUSEHOLDS', name: 'Số hộ nghèo phát sinh mới', nameEn: 'Newly poor households', unit: 'HOUSEHOLDS', direction: 'LOWER_IS_BETTER', decimals: 0 },
];

/** Stocks and the flows that move them over a period: end = start + Σ plus − Σ minus. */
export const stockBalances: Record<string, { plus: string[]; minus: string[] }> = {
  POOR_HOUSEHOLDS: { plus: ['POOR_HOUSEHOLDS_FELL_BACK', 'NEW_POOR_HOUSEHOLDS'], minus: ['HOUSEHOLDS_ESCAPED_POVERTY'] },
};

export const ratioIndicators: Record<string, { numerator: string; denominator: string; scale: string }> = {
  POOR_HOUSEHOLD_RATE: { numerator: 'POOR_HOUSEHOLDS', denominator: 'TOTAL_HOUSEHOLDS', scale: '100' },
  NEAR_POOR_RATE: { numerator: 'NEAR_POOR_HOUSEHOLDS', denominator: 'TOTAL_HOUSEHOLDS', scale: '100' },
};

const ADDITIVE_UNITS = new Set(['HOUSEHOLDS', 'PERSONS', 'WORKERS', 'CHILDREN', 'MODELS', 'HOUSES', 'MILLION_VND', 'COUNT']);

export function aggregationOf(indicator: SeedIndicator): 'SUM' | 'RATIO' | 'NONE' {
  if (ratioIndicators[indicator.key]) return 'RATIO';
  return ADDITIVE_UNITS.has(indicator.unit) ? 'SUM' : 'NONE';
}
