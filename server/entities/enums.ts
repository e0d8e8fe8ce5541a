import { registerEnumType } from 'type-graphql';

/** String enums shared by the database (stored as text) and the GraphQL schema. */
export enum UnitLevel {
  PROVINCE = 'PROVINCE',
  DISTRICT = 'DISTRICT',
  COMMUNE = 'COMMUNE',
}
export enum SuccessionKind {
  MERGE = 'MERGE',
  SPLIT = 'SPLIT',
  RENAME = 'RENAME',
  TRANSFER = 'TRANSFER',
}
export enum ComponentLevel {
  PROJECT = 'PROJECT',
  SUB_PROJECT = 'SUB_PROJECT',
}
export enum DocumentKind {
  PLAN = 'PLAN',
  REPORT = 'REPORT',
  NEWS = 'NEWS',
}
export enum ColumnType {
  MONEY = 'MONEY',
  COUNT = 'COUNT',
  RATE = 'RATE',
  MEASURE = 'MEASURE',
}
export enum RowKind {
  SECTION = 'SECTION',
  ITEM = 'ITEM',
  CHILD = 'CHILD',
  LABEL = 'LABEL',
  GRAND_TOTAL = 'GRAND_TOTAL',
}
export enum IndicatorUnit {
  PERCENT = 'PERCENT',
  PERCENTAGE_POINTS = 'PERCENTAGE_POINTS',
  HOUSEHOLDS = 'HOUSEHOLDS',
  PERSONS = 'PERSONS',
  WORKERS = 'WORKERS',
  CHILDREN = 'CHILDREN',
  MODELS = 'MODELS',
  HOUSES = 'HOUSES',
  MILLION_VND = 'MILLION_VND',
  COUNT = 'COUNT',
}
export enum IndicatorDirection {
  HIGHER_IS_BETTER = 'HIGHER_IS_BETTER',
  LOWER_IS_BETTER = 'LOWER_IS_BETTER',
  NEUTRAL = 'NEUTRAL',
}
export enum ValueKind {
  BASELINE = 'BASELINE',
  TARGET = 'TARGET',
  ACTUAL = 'ACTUAL',
}
export enum Comparator {
  EQ = 'EQ',
  LT = 'LT',
  LE = 'LE',
  GT = 'GT',
  GE = 'GE',
  APPROX = 'APPROX',
}

export enum Role {
  VIEWER = 'VIEWER',
  EDITOR = 'EDITOR',
  APPROVER = 'APPROVER',
  ADMINISTRATOR = 'ADMINISTRATOR',
}
export enum TokenKind {
  ACCESS = 'ACCESS',
  REFRESH = 'REFRESH',
  PERSONAL = 'PERSONAL',
}
export enum TableKind {
  APPENDIX = 'APPENDIX',
  INDICATOR_VALUES = 'INDICATOR_VALUES',
}
export enum TableStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  APPROVED = 'APPROVED',
}

registerEnumType(Role, { name: 'Role', description: 'VIEWER reads; EDITOR pushes and submits its own unit; APPROVER approves units below its own; ADMINISTRATOR all of these and manages users' });
registerEnumType(TokenKind, { name: 'TokenKind' });
registerEnumType(TableKind, { name: 'TableKind', description: 'APPENDIX: a published plan table; INDICATOR_VALUES: units × (indicator, kind, period) values, recorded as indicator values when approved' });
registerEnumType(TableStatus, { name: 'TableStatus', description: 'DRAFT (editable) → SUBMITTED → APPROVED (locked); reopening returns to DRAFT' });
export enum IndicatorAggregation {
  SUM = 'SUM',
  RATIO = 'RATIO',
  NONE = 'NONE',
}
export enum ProgressStatus {
  ACHIEVED = 'ACHIEVED',
  ON_TRACK = 'ON_TRACK',
  AT_RISK = 'AT_RISK',
  OFF_TRACK = 'OFF_TRACK',
  NOT_ASSESSED = 'NOT_ASSESSED',
}
export enum ProgressBreakdown {
  NONE = 'NONE',
  CHILDREN = 'CHILDREN',
  DESCENDANTS = 'DESCENDANTS',
}

registerEnumType(IndicatorAggregation, { name: 'IndicatorAggregation', description: 'SUM: counts and money add up; RATIO: recomputed from numerator and denominator; NONE: does not aggregate' });
registerEnumType(ProgressBreakdown, { name: 'ProgressBreakdown', description: 'NONE: the unit only; CHILDREN: the unit, then each unit one level below it on asOf; DESCENDANTS: the unit, then every unit below it on asOf, each after its parent' });
registerEnumType(ProgressStatus, { name: 'ProgressStatus', description: 'Against the straight path from baseline to target; see README "Indicators"' });
registerEnumType(UnitLevel, { name: 'UnitLevel', description: 'Tỉnh/thành phố → quận/huyện → xã/phường' });
registerEnumType(SuccessionKind, { name: 'SuccessionKind' });
registerEnumType(ComponentLevel, { name: 'ComponentLevel', description: 'Dự án or Tiểu dự án' });
registerEnumType(DocumentKind, { name: 'DocumentKind' });
registerEnumType(ColumnType, { name: 'ColumnType' });
registerEnumType(RowKind, { name: 'RowKind', description: 'Section (I, II…), item (1, 2…), child (2.1, –), label ("Trong đó:") or grand total' });
registerEnumType(IndicatorUnit, { name: 'IndicatorUnit' });
registerEnumType(IndicatorDirection, { name: 'IndicatorDirection' });
registerEnumType(ValueKind, { name: 'ValueKind' });
registerEnumType(Comparator, { name: 'Comparator', description: 'How a published figure is qualified: "dưới" LT, "ít nhất" GE, "khoảng" APPROX' });

export enum PeriodType {
  YEAR = 'YEAR',
  HALF_YEAR = 'HALF_YEAR',
  QUARTER = 'QUARTER',
  MONTH = 'MONTH',
}
registerEnumType(PeriodType, { name: 'PeriodType', description: 'Period keys: YEAR "2025", HALF_YEAR "2025-H1", QUARTER "2025-Q3", MONTH "2025-07"' });
