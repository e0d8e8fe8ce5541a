/**
 * Matching published labels to reference names. Local plans renumber and reword the national
 * components ("Dự án 2: Hỗ trợ phát triển sản xuất nông nghiệp…" is national Dự án 3), so rows
 * are matched on their words, not their numbers.
 */

/** Lower case, no diacritics (đ → d), punctuation to spaces: what a person reads as "the same words". */
export function foldLabel(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Drops a leading "Dự án 2:" / "Tiểu dự án 1:" numbering, which differs between plans. */
export function stripComponentNumber(label: string): string {
  return foldLabel(label).replace(/^(tieu du an|du an)\s+\d+\s*/, '');
}

function words(text: string): Set<string> {
  return new Set(text.split(' ').filter(Boolean));
}

/** Dice coefficient of the two labels' word sets, 0..1. */
export function labelSimilarity(a: string, b: string): number {
  const left = words(stripComponentNumber(a));
  const right = words(stripComponentNumber(b));
  if (left.size === 0 || right.size === 0) return 0;
  let shared = 0;
  for (const word of left) if (right.has(word)) shared += 1;
  return (2 * shared) / (left.size + right.size);
}

/**
 * The candidate whose name best matches the label, if it is clearly the best: at least
 * `threshold` similar and not tied with another candidate.
 */
export function bestMatch<T>(label: string, candidates: T[], nameOf: (candidate: T) => string, threshold = 0.5): T | null {
  let best: T | null = null;
  let bestScore = 0;
  let tied = false;
  for (const candidate of candidates) {
    const score = labelSimilarity(label, nameOf(candidate));
    if (score > bestScore) {
      best = candidate;
      bestScore = score;
      tied = false;
    } else if (score === bestScore && score > 0) {
      tied = true;
    }
  }
  return best && bestScore >= threshold && !tied ? best : null;
}

export function isComponentLabel(label: string): boolean {
  return /^(tieu du an|du an)\b/.test(foldLabel(label));
}
