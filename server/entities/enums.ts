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

registerEnumType(Role, {
  name: 'Role',
  description: 'What a user may do on the units of a role assignment (vai trò)',
  valuesConfig: {
    VIEWER: { description: 'Reads the tables, reports and indicator values of the unit and the units below it' },
    EDITOR: { description: 'Also pushes tables of its own unit and submits them for approval' },
    APPROVER: { description: 'Also approves the submitted tables of the units below its own, or reopens them' },
    ADMINISTRATOR: { description: 'Everything the other roles may do, and manages users and their roles' },
  },
});
registerEnumType(TokenKind, {
  name: 'TokenKind',
  description: 'What a bearer token is for',
  valuesConfig: {
    ACCESS: { description: 'Short-lived token from signIn, sent with every request (15 minutes)' },
    REFRESH: { description: 'Token that refreshSession trades for a new pair (30 days, used once)' },
    PERSONAL: { description: 'Personal access token for scripts and the Excel add-in, named by its owner, revocable' },
  },
});
registerEnumType(TableKind, {
  name: 'TableKind',
  description: 'What a plan table holds',
  valuesConfig: {
    APPENDIX: { description: 'An appendix table (Phụ lục) of a published plan: rows by STT, columns by funding source' },
    INDICATOR_VALUES: { description: 'Units × (indicator, kind, period) values, recorded as indicator values when approved' },
  },
});
registerEnumType(TableStatus, {
  name: 'TableStatus',
  description: 'Where a table is in the approval workflow: DRAFT → SUBMITTED → APPROVED; reopening returns to DRAFT',
  valuesConfig: {
    DRAFT: { description: 'Being filled in (bản nháp): editors may push' },
    SUBMITTED: { description: 'Sent for approval (đã gửi): locked until approved or reopened' },
    APPROVED: { description: 'Approved (đã duyệt): locked; counts in consolidations and indicator values' },
  },
});
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

registerEnumType(IndicatorAggregation, {
  name: 'IndicatorAggregation',
  description: 'How values of an indicator for units below add up to the unit above',
  valuesConfig: {
    SUM: { description: 'Counts and money add up' },
    RATIO: { description: 'A rate recomputed from the sums of its numerator and denominator indicators, never added' },
    NONE: { description: 'Does not aggregate: only values recorded for the unit itself' },
  },
});
registerEnumType(ProgressBreakdown, {
  name: 'ProgressBreakdown',
  description: 'Which units an indicator progress report covers besides the unit asked for',
  valuesConfig: {
    NONE: { description: 'The unit only' },
    CHILDREN: { description: 'The unit, then each unit one level below it on asOf' },
    DESCENDANTS: { description: 'The unit, then every unit below it on asOf, each after its parent' },
  },
});
registerEnumType(ProgressStatus, {
  name: 'ProgressStatus',
  description: 'Progress of an indicator against the straight path from baseline to target (see README "Indicators")',
  valuesConfig: {
    ACHIEVED: { description: 'The target is met as its comparator reads ("dưới 0,15 %" is met by 0.14, not 0.15)' },
    ON_TRACK: { description: 'The share of the planned change made is at least the share of the time elapsed' },
    AT_RISK: { description: 'Behind the straight path by at most a quarter of the path' },
    OFF_TRACK: { description: 'Behind by more than a quarter of the path, or the target date has passed unmet' },
    NOT_ASSESSED: { description: 'No actual, no target, no baseline for the path, or the baseline equals the target' },
  },
});
registerEnumType(UnitLevel, {
  name: 'UnitLevel',
  description: 'Level of an administrative unit: tỉnh/thành phố → quận/huyện → xã/phường',
  valuesConfig: {
    PROVINCE: { description: 'Province or centrally-run city (tỉnh/thành phố trực thuộc Trung ương)' },
    DISTRICT: { description: 'District (quận/huyện/thị xã/thành phố thuộc tỉnh); abolished from 1 July 2025' },
    COMMUNE: { description: 'Commune, ward or township (xã/phường/thị trấn)' },
  },
});
registerEnumType(SuccessionKind, {
  name: 'SuccessionKind',
  description: 'How an administrative unit became another (sáp nhập, chia tách, đổi tên, điều chỉnh địa giới)',
  valuesConfig: {
    MERGE: { description: 'Merged into the successor with other units (sáp nhập)' },
    SPLIT: { description: 'Split, part of it forming the successor (chia tách)' },
    RENAME: { description: 'Renamed or re-coded, the same territory (đổi tên)' },
    TRANSFER: { description: 'Moved under another parent unit (điều chỉnh địa giới)' },
  },
});
registerEnumType(ComponentLevel, {
  name: 'ComponentLevel',
  description: 'Level of a program component: Dự án or Tiểu dự án',
  valuesConfig: {
    PROJECT: { description: 'Component project (Dự án), e.g. DA3' },
    SUB_PROJECT: { description: 'Sub-project (Tiểu dự án) of a component project, e.g. DA3.TDA1' },
  },
});
registerEnumType(DocumentKind, {
  name: 'DocumentKind',
  description: 'What kind of source document a figure was taken from',
  valuesConfig: {
    PLAN: { description: 'An implementation plan (Kế hoạch), e.g. 132/KH-UBND' },
    REPORT: { description: 'A report (Báo cáo) of results' },
    NEWS: { description: 'A news article or press release quoting official figures' },
  },
});
registerEnumType(ColumnType, {
  name: 'ColumnType',
  description: 'What the values of a table column are, which decides their checks and number format',
  valuesConfig: {
    MONEY: { description: 'Money in the table\'s unit of measure (e.g. triệu đồng), an exact decimal' },
    COUNT: { description: 'A count: households, persons, models…' },
    RATE: { description: 'A rate in percent, e.g. the poor-household rate' },
    MEASURE: { description: 'Any other quantity, an exact decimal' },
  },
});
registerEnumType(RowKind, {
  name: 'RowKind',
  description: 'Place of a row in the STT hierarchy of a table',
  valuesConfig: {
    SECTION: { description: 'Section, numbered by a Roman numeral (I, II…)' },
    ITEM: { description: 'Item, numbered by an integer (1, 2…)' },
    CHILD: { description: 'Child of the item above, numbered 2.1 or "–" or not numbered' },
    LABEL: { description: 'Label row with no values, e.g. "Trong đó:" (of which)' },
    GRAND_TOTAL: { description: 'Grand total (Tổng cộng) of the sections' },
  },
});
registerEnumType(IndicatorUnit, {
  name: 'IndicatorUnit',
  description: 'Unit of measure of an indicator (đơn vị tính)',
  valuesConfig: {
    PERCENT: { description: 'Percent (%)' },
    PERCENTAGE_POINTS: { description: 'Percentage points (điểm phần trăm), e.g. a fall of the poverty rate' },
    HOUSEHOLDS: { description: 'Households (hộ)' },
    PERSONS: { description: 'Persons (người)' },
    WORKERS: { description: 'Workers (lao động)' },
    CHILDREN: { description: 'Children (trẻ em)' },
    MODELS: { description: 'Poverty reduction models (mô hình)' },
    HOUSES: { description: 'Houses (căn nhà)' },
    MILLION_VND: { description: 'Million Vietnamese đồng (triệu đồng)' },
    COUNT: { description: 'Any other count' },
  },
});
registerEnumType(IndicatorDirection, {
  name: 'IndicatorDirection',
  description: 'Which way an indicator should move',
  valuesConfig: {
    HIGHER_IS_BETTER: { description: 'Higher is better, e.g. workers supported' },
    LOWER_IS_BETTER: { description: 'Lower is better, e.g. the poor-household rate (tỷ lệ hộ nghèo)' },
    NEUTRAL: { description: 'No fixed direction: progress reads it from how the target is phrased ("ít nhất" means higher is better)' },
  },
});
registerEnumType(ValueKind, {
  name: 'ValueKind',
  description: 'What an indicator value is',
  valuesConfig: {
    BASELINE: { description: 'Baseline (số liệu đầu kỳ) at the start of the period' },
    TARGET: { description: 'Target (chỉ tiêu, mục tiêu) for the period' },
    ACTUAL: { description: 'Actual result (kết quả thực hiện) for the period' },
  },
});
registerEnumType(Comparator, {
  name: 'Comparator',
  description: 'How a published figure is qualified, e.g. a target "dưới 0,15 %" is LT 0.15',
  valuesConfig: {
    EQ: { description: 'Exactly the figure' },
    LT: { description: 'Below the figure ("dưới")' },
    LE: { description: 'At most the figure ("không quá", "tối đa")' },
    GT: { description: 'Above the figure ("trên", "hơn")' },
    GE: { description: 'At least the figure ("ít nhất", "tối thiểu")' },
    APPROX: { description: 'About the figure ("khoảng"): flagged, never rejected' },
  },
});

export enum PeriodType {
  YEAR = 'YEAR',
  HALF_YEAR = 'HALF_YEAR',
  QUARTER = 'QUARTER',
  MONTH = 'MONTH',
}
registerEnumType(PeriodType, {
  name: 'PeriodType',
  description: 'Length of a reporting period (kỳ báo cáo)',
  valuesConfig: {
    YEAR: { description: 'A calendar year, key "2025"' },
    HALF_YEAR: { description: 'A half year (6 tháng), key "2025-H1"' },
    QUARTER: { description: 'A quarter (quý), key "2025-Q3"' },
    MONTH: { description: 'A month (tháng), key "2025-07"' },
  },
});
