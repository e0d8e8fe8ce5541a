/**
 * Shapes of the seed data transcribed from the seed documents in server/seed/files. Numbers stay as published
 * (Vietnamese text such as "0,80" or "2.901") and go through the domain's Vietnamese
 * parser when loaded, so a transcription typo fails loudly instead of storing a guess.
 */

export type UnitLevel = 'PROVINCE' | 'DISTRICT' | 'COMMUNE';

export interface SeedUnit {
  /** Stable key of this unit record, unique across time (e.g. "92@2004", "92@2025"). */
  key: string;
  /** Official code (mã đơn vị hành chính); the same code may be reused by a successor. */
  code: string;
  name: string;
  nameEn?: string;
  level: UnitLevel;
  parentKey?: string;
  /** ISO dates; validTo is the last day the unit existed (inclusive), absent while it exists. */
  validFrom: string;
  validTo?: string;
}

export type SuccessionKind = 'MERGE' | 'SPLIT' | 'RENAME' | 'TRANSFER';

export interface SeedSuccession {
  predecessorKey: string;
  successorKey: string;
  effectiveOn: string;
  kind: SuccessionKind;
  /** For a split: the share (0..1, as a decimal string) of the predecessor that went to this successor, when known. */
  share?: string;
  note?: string;
}

export interface SeedDocument {
  key: string;
  /** File name under server/seed/files. */
  file: string;
  title: string;
  documentNumber?: string;
  issuedOn?: string;
  issuingUnitKey: string;
  kind: 'PLAN' | 'REPORT' | 'NEWS';
}

export interface SeedPeriod {
  /** e.g. "2021-2025", "2022", "2023", "2024", "2024-H1", "2025" */
  key: string;
  label: string;
  startsOn: string;
  endsOn: string;
  /** When reports on the period are due; plan 132 sets 15 June (6-month) and 15 November (annual). */
  reportDeadline?: string;
}

export type IndicatorUnit =
  | 'PERCENT'
  | 'PERCENTAGE_POINTS'
  | 'HOUSEHOLDS'
  | 'PERSONS'
  | 'WORKERS'
  | 'CHILDREN'
  | 'MODELS'
  | 'HOUSES'
  | 'MILLION_VND'
  | 'COUNT';

export type IndicatorDirection = 'HIGHER_IS_BETTER' | 'LOWER_IS_BETTER' | 'NEUTRAL';

export interface SeedIndicator {
  key: string;
  name: string;
  nameEn: string;
  unit: IndicatorUnit;
  direction: IndicatorDirection;
  decimals: number;
}

export type ValueKind = 'BASELINE' | 'TARGET' | 'ACTUAL';
/** How a published figure is qualified: "dưới 0,15 %" is LT, "ít nhất 2.343" is GE, "khoảng 10.500" is APPROX. */
export type Comparator = 'EQ' | 'LT' | 'LE' | 'GT' | 'GE' | 'APPROX';

export interface SeedIndicatorValue {
  indicatorKey: string;
  unitKey: string;
  periodKey: string;
  kind: ValueKind;
  /** Exactly as published, Vietnamese notation ("0,80", "2.901", "11.076"). */
  value: string;
  comparator?: Comparator;
  documentKey: string;
  /** The phrase of the document the figure comes from, verbatim. */
  quote: string;
}
