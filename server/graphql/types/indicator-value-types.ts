import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { IndicatorValue, ValueKind } from '../../entities';
import { connectionType } from '../connections/connection-type';

@InputType({ description: 'Which indicator values to return; every condition given must hold' })
export class IndicatorValueFilter {
  @Field(() => ID, { nullable: true, description: 'Administrative unit (đơn vị hành chính) the values are recorded for' })
  unitId?: string;

  @Field({ defaultValue: false, description: 'Also the units below unitId' })
  includeDescendants!: boolean;

  @Field({ defaultValue: false, description: 'Also the units unitId was formed from (2025 reorganisation), and theirs, recursively' })
  includePredecessors!: boolean;

  @Field(() => String, { nullable: true, description: 'Only periods starting on or after this date (YYYY-MM-DD)' })
  from?: string;

  @Field(() => String, { nullable: true, description: 'Only periods ending on or before this date (YYYY-MM-DD)' })
  to?: string;

  @Field(() => [ValueKind], { nullable: true, description: 'Only these kinds: baseline, target, actual' })
  kinds?: ValueKind[];

  @Field(() => [String], { nullable: true, description: 'Indicator keys, e.g. ["POOR_HOUSEHOLD_RATE"]' })
  indicatorKeys?: string[];

  @Field(() => [String], { nullable: true, description: 'Only values taken from these source documents (văn bản nguồn), by key, e.g. ["can-tho-2023-results"]' })
  sourceDocumentKeys?: string[];
}

export enum IndicatorValueSortField {
  PERIOD = 'PERIOD',
  UNIT = 'UNIT',
}
registerEnumType(IndicatorValueSortField, {
  name: 'IndicatorValueSortField',
  description: 'What indicator values are sorted by',
  valuesConfig: {
    PERIOD: { description: 'By period (kỳ báo cáo): start date, the longer period first; then by unit, indicator and kind' },
    UNIT: { description: 'By unit (đơn vị): official code, then validity; then chronologically by period, then indicator and kind' },
  },
});

export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(SortDirection, {
  name: 'SortDirection',
  description: 'Ascending or descending',
  valuesConfig: { ASC: { description: 'Ascending: earliest period or lowest code first' }, DESC: { description: 'Descending: latest period or highest code first' } },
});

@InputType({ description: 'The order of indicator values; every order is stable (ties are broken by id)' })
export class IndicatorValueOrder {
  @Field(() => IndicatorValueSortField, { defaultValue: IndicatorValueSortField.PERIOD, description: 'What to sort by' })
  field!: IndicatorValueSortField;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: 'Ascending or descending' })
  direction!: SortDirection;
}

export const IndicatorValueConnection = connectionType(IndicatorValue, 'IndicatorValue', 'indicator values');
