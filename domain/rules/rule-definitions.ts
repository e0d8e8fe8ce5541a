/**
 * Checks rule definitions (JSON from a table template) against a table, so that bad template data is
 * caught when it is loaded rather than silently checking nothing.
 */
import { ROW_KINDS, RowKind, TableSnapshot } from '../table-model';
import { parseCanonicalDecimal } from '../vietnamese-number';
import { ExactDecimal } from '../exact-decimal';
import { RuleKind } from './rule';

export type RuleDefinitionErrorCode =
  | 'NOT_A_LIST'
  | 'NOT_AN_OBJECT'
  | 'INVALID_ID'
  | 'DUPLICATE_ID'
  | 'UNKNOWN_KIND'
  | 'UNKNOWN_FIELD'
  | 'MISSING_FIELD'
  | 'INVALID_VALUE'
  | 'UNKNOWN_COLUMN'
  | 'UNKNOWN_ROW'
  | 'NOT_APPLICABLE';

export interface RuleDefinitionError {
  /** Position in the list, null when the list itself is wrong. */
  ruleIndex: number | null;
  ruleId: string | null;
  field: string | null;
  code: RuleDefinitionErrorCode;
  messageVi: string;
  messageEn: string;
}

type FieldType =
  | 'SEVERITY'
  | 'MISSING'
  | 'AXIS'
  | 'RELATION'
  | 'DECIMAL'
  | 'NON_NEGATIVE_DECIMAL'
  | 'POSITIVE_DECIMAL'
  | 'COLUMN'
  | 'COLUMNS'
  /** Column keys for axis ROW, row keys for axis COLUMN. */
  | 'REFERENCE'
  | 'REFERENCES'
  | 'ROW_SCOPE';

interface FieldSpec {
  type: FieldType;
  required: boolean;
  nonEmpty?: boolean;
}

const COMMON_FIELDS: Record<string, FieldSpec> = {
  severity: { type: 'SEVERITY', required: true },
  tolerance: { type: 'NON_NEGATIVE_DECIMAL', required: false },
  missing: { type: 'MISSING', required: false },
  rows: { type: 'ROW_SCOPE', required: false },
  columns: { type: 'COLUMNS', required: false },
};

const KIND_FIELDS: Record<RuleKind, Record<string, FieldSpec>> = {
  ROW_SUM: { totalColumn: { type: 'COLUMN', required: true }, partColumns: { type: 'COLUMNS', required: true, nonEmpty: true } },
  HIERARCHY_SUM: {},
  GRAND_TOTAL: {},
  NON_NEGATIVE: {},
  WHOLE_NUMBER: {},
  RANGE: { min: { type: 'DECIMAL', required: false }, max: { type: 'DECIMAL', required: false } },
  RATIO: {
    axis: { type: 'AXIS', required: true },
    rate: { type: 'REFERENCE', required: true },
    numerator: { type: 'REFERENCE', required: true },
    denominator: { type: 'REFERENCE', required: true },
    scale: { type: 'POSITIVE_DECIMAL', required: false },
  },
  BALANCE: {
    axis: { type: 'AXIS', required: true },
    end: { type: 'REFERENCE', required: true },
    start: { type: 'REFERENCE', required: true },
    plus: { type: 'REFERENCES', required: true },
    minus: { type: 'REFERENCES', required: true },
  },
  COMPARE: {
    axis: { type: 'AXIS', required: true },
    left: { type: 'REFERENCE', required: true },
    relation: { type: 'RELATION', required: true },
    right: { type: 'REFERENCE', required: true },
  },
};

const RULE_KINDS = Object.keys(KIND_FIELDS) as RuleKind[];
const SEVERITIES = ['ERROR', 'WARNING'];
const STRATEGIES = ['ROLLUP', 'SKIP', 'ZERO', 'REQUIRE', 'NOT_PUBLISHED'];
const RELATIONS = ['LE', 'GE'];
const AXES = ['ROW', 'COLUMN'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

export function checkRuleDefinitions(rules: unknown, snapshot: TableSnapshot): RuleDefinitionError[] {
  if (!Array.isArray(rules)) {
    return [{
      ruleIndex: null, ruleId: null, field: null, code: 'NOT_A_LIST',
      messageVi: 'Danh sách quy tắc phải là một mảng JSON', messageEn: 'Rule definitions must be a JSON array',
    }];
  }
  const errors: RuleDefinitionError[] = [];
  const ids = new Set<string>();
  rules.forEach((rule, ruleIndex) => checkRule(rule, ruleIndex, snapshot, ids, errors));
  return errors;
}

function checkRule(rule: unknown, ruleIndex: number, snapshot: TableSnapshot, ids: Set<string>, errors: RuleDefinitionError[]): void {
  const id = isRecord(rule) && typeof rule.id === 'string' && rule.id.trim() !== '' ? rule.id : null;
  const name = id === null ? { vi: `Quy tắc thứ ${ruleIndex + 1}`, en: `Rule #${ruleIndex + 1}` } : { vi: `Quy tắc "${id}"`, en: `Rule "${id}"` };
  const report = (code: RuleDefinitionErrorCode, field: string | null, vi: string, en: string) =>
    errors.push({ ruleIndex, ruleId: id, field, code, messageVi: `${name.vi}: ${vi}`, messageEn: `${name.en}: ${en}` });

  if (!isRecord(rule)) {
    report('NOT_AN_OBJECT', null, 'không phải là một đối tượng JSON', 'is not a JSON object');
    return;
  }
  if (id === null) report('INVALID_ID', 'id', 'thiếu mã quy tắc (id) dạng chuỗi không rỗng', 'needs an id that is a non-empty string');
  else if (ids.has(id)) report('DUPLICATE_ID', 'id', 'mã quy tắc bị trùng', 'the id is used by another rule');
  else ids.add(id);

  const kind = rule.kind;
  if (typeof kind !== 'string' || !RULE_KINDS.includes(kind as RuleKind)) {
    report('UNKNOWN_KIND', 'kind', `loại "${String(kind)}" không tồn tại (các loại: ${RULE_KINDS.join(', ')})`,
      `unknown kind "${String(kind)}" (kinds: ${RULE_KINDS.join(', ')})`);
    return;
  }
  const specs: Record<string, FieldSpec> = { ...COMMON_FIELDS, ...KIND_FIELDS[kind as RuleKind] };
  for (const field of Object.keys(rule)) {
    if (field !== 'id' && field !== 'kind' && !(field in specs)) {
      report('UNKNOWN_FIELD', field, `trường "${field}" không dùng cho loại ${kind}`, `field "${field}" does not belong to kind ${kind}`);
    }
  }
  const axis = AXES.includes(rule.axis as string) ? (rule.axis as string) : null;
  for (const [field, spec] of Object.entries(specs)) {
    const value = rule[field];
    if (value === undefined) {
      if (spec.required) report('MISSING_FIELD', field, `thiếu trường bắt buộc "${field}"`, `required field "${field}" is missing`);
    } else {
      checkField(field, spec, value, axis, snapshot, report);
    }
  }
  checkCombinations(kind as RuleKind, rule, axis, report);
}

type Report = (code: RuleDefinitionErrorCode, field: string | null, vi: string, en: string) => void;

function checkField(field: string, spec: FieldSpec, value: unknown, axis: string | null, snapshot: TableSnapshot, report: Report): void {
  const invalid = (vi: string, en: string) => report('INVALID_VALUE', field, `trường "${field}" ${vi}`, `field "${field}" ${en}`);
  const oneOf = (allowed: readonly string[]) => {
    if (!allowed.includes(value as string)) invalid(`phải là một trong ${allowed.join(', ')}`, `must be one of ${allowed.join(', ')}`);
  };
  const keyList = (keys: readonly string[], what: 'COLUMN' | 'ROW') => {
    const known = (key: string) => (what === 'COLUMN' ? snapshot.columnIndex(key) : snapshot.rowIndex(key)) !== undefined;
    for (const key of keys.filter((key) => !known(key))) {
      if (what === 'COLUMN') report('UNKNOWN_COLUMN', field, `cột "${key}" không có trong bảng`, `column "${key}" is not in the table`);
      else report('UNKNOWN_ROW', field, `dòng "${key}" không có trong bảng`, `row "${key}" is not in the table`);
    }
    if (new Set(keys).size !== keys.length) invalid('có khóa bị lặp lại', 'lists a key twice');
  };
  const stringList = (): string[] | null => {
    if (!isStringList(value)) {
      invalid('phải là một mảng chuỗi', 'must be an array of strings');
      return null;
    }
    if (spec.nonEmpty && value.length === 0) invalid('không được rỗng', 'must not be empty');
    return value;
  };
  switch (spec.type) {
    case 'SEVERITY':
      return oneOf(SEVERITIES);
    case 'MISSING':
      return oneOf(STRATEGIES);
    case 'AXIS':
      return oneOf(AXES);
    case 'RELATION':
      return oneOf(RELATIONS);
    case 'DECIMAL':
    case 'NON_NEGATIVE_DECIMAL':
    case 'POSITIVE_DECIMAL': {
      const parsed = typeof value === 'string' ? parseCanonicalDecimal(value) : null;
      if (parsed === null || !parsed.ok) {
        return invalid('phải là chuỗi số dạng chuẩn (ví dụ "0.02")', 'must be a canonical decimal string (e.g. "0.02")');
      }
      const number = new ExactDecimal(parsed.value!);
      if (spec.type === 'NON_NEGATIVE_DECIMAL' && number.lt(0)) invalid('không được âm', 'must not be negative');
      if (spec.type === 'POSITIVE_DECIMAL' && !number.gt(0)) invalid('phải lớn hơn 0', 'must be greater than 0');
      return;
    }
    case 'COLUMN':
      if (typeof value !== 'string') return invalid('phải là khóa cột (chuỗi)', 'must be a column key (string)');
      return keyList([value], 'COLUMN');
    case 'COLUMNS': {
      const keys = stringList();
      if (keys) keyList(keys, 'COLUMN');
      return;
    }
    case 'REFERENCE':
    case 'REFERENCES': {
      const keys = spec.type === 'REFERENCE' ? (typeof value === 'string' ? [value] : null) : stringList();
      if (keys === null) return invalid('phải là một khóa (chuỗi)', 'must be a key (string)');
      if (axis !== null) keyList(keys, axis === 'ROW' ? 'COLUMN' : 'ROW');
      return;
    }
    case 'ROW_SCOPE': {
      if (!isRecord(value) || Object.keys(value).some((key) => key !== 'kinds' && key !== 'keys')) {
        return invalid('phải là đối tượng chỉ có "kinds" và/hoặc "keys"', 'must be an object with only "kinds" and/or "keys"');
      }
      if (value.kinds !== undefined && (!isStringList(value.kinds) || !value.kinds.every((kind) => ROW_KINDS.includes(kind as RowKind)))) {
        invalid(`có "kinds" không hợp lệ: phải là mảng gồm ${ROW_KINDS.join(', ')}`, `has invalid "kinds": must be an array of ${ROW_KINDS.join(', ')}`);
      }
      if (value.keys !== undefined) {
        if (isStringList(value.keys)) keyList(value.keys, 'ROW');
        else invalid('có "keys" không hợp lệ: phải là một mảng chuỗi', 'has invalid "keys": must be an array of strings');
      }
      return;
    }
  }
}

/** Constraints between fields. */
function checkCombinations(kind: RuleKind, rule: Record<string, unknown>, axis: string | null, report: Report): void {
  const notApplicable = (field: string, vi: string, en: string) => {
    if (rule[field] !== undefined) report('NOT_APPLICABLE', field, `trường "${field}" không áp dụng ${vi}`, `field "${field}" does not apply ${en}`);
  };
  if (kind === 'ROW_SUM') {
    notApplicable('columns', 'cho ROW_SUM (các cột đã nêu trong totalColumn và partColumns)', 'to ROW_SUM (its columns are totalColumn and partColumns)');
    if (isStringList(rule.partColumns) && rule.partColumns.includes(rule.totalColumn as string)) {
      report('INVALID_VALUE', 'partColumns', 'không được chứa cột tổng (totalColumn)', 'must not contain the total column');
    }
  }
  if (kind === 'RATIO' || kind === 'BALANCE' || kind === 'COMPARE') {
    if (axis === 'ROW') notApplicable('columns', 'khi axis là ROW (các cột là tham chiếu)', 'when axis is ROW (references are the columns)');
    if (axis === 'COLUMN') notApplicable('rows', 'khi axis là COLUMN (các dòng là tham chiếu)', 'when axis is COLUMN (references are the rows)');
  }
  if (kind === 'RANGE') {
    if (rule.min === undefined && rule.max === undefined) {
      report('MISSING_FIELD', 'min', 'cần ít nhất một trong "min" và "max"', 'needs "min", "max" or both');
    }
    const bound = (value: unknown) => (typeof value === 'string' ? parseCanonicalDecimal(value) : null);
    const min = bound(rule.min);
    const max = bound(rule.max);
    if (min?.ok && max?.ok && new ExactDecimal(min.value!).gt(max.value!)) {
      report('INVALID_VALUE', 'min', '"min" lớn hơn "max"', '"min" is greater than "max"');
    }
  }
}
