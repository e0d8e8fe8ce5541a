/** How far published figures may disagree because each was rounded to its last published place. */
import { ExactDecimal, toCanonical } from '../exact-decimal';

/** Half a unit in the last published place, for each of `terms` + 1 rounded figures; none for whole figures. */
export function roundingTolerance(places: number, terms: number): string | undefined {
  if (places === 0) return undefined;
  return toCanonical(new ExactDecimal(5).times(new ExactDecimal(10).pow(-places - 1)).times(terms + 1));
}
