import { Entity, Enum, ManyToOne, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { TableKind, TableStatus } from './enums';
import { Period } from './period';
import { Plan } from './plan';
import { TableTemplate } from './table-template';

/** An appendix table (Phụ lục) of a plan. `version` is the optimistic lock of its cells. */
@ObjectType({ description: 'A table of a plan: an appendix table (Phụ lục) as published, or a table of indicator values or a report' })
@Entity()
@Unique({ properties: ['plan', 'title'] })
export class PlanTable {
  [OptionalProps]?: 'status' | 'version' | 'position' | 'kind' | 'rules' | 'inexactCells' | 'footnotes' | 'publishedVersion';

  @Field(() => ID, { description: 'Identifier of the table, for arguments named tableId' })
  @PrimaryKey()
  id!: number;

  @ManyToOne(() => Plan)
  plan!: Plan;

  @Field({ description: 'Title, unique within the plan, e.g. "Phụ lục 2"' })
  @Property()
  title!: string;

  @Field({ description: 'The heading under the title, as published' })
  @Property({ type: 'text' })
  caption!: string;

  @Field({ description: 'Unit of every money cell, e.g. "triệu đồng"' })
  @Property()
  unitOfMeasure!: string;

  @ManyToOne(() => TableTemplate)
  template!: TableTemplate;

  @Field(() => TableKind, { description: 'Appendix table or indicator values' })
  @Enum({ items: () => TableKind, default: TableKind.APPENDIX })
  kind: TableKind = TableKind.APPENDIX;

  /** Rules of this table alone, checked with the template's (an indicator table's are derived from its indicators). */
  @Property({ type: 'json', default: '[]' })
  rules: unknown[] = [];

  /**
   * Cells published as a range, an approximate figure or a note ("6,5 - 7,2", "khoảng 10.500"), as
   * printed: empty among the figures, and kept out of every check ({ rowKey, columnKey, text, kind }).
   */
  @Property({ type: 'json', default: '[]' })
  inexactCells: unknown[] = [];

  /** The version that is the table as published (1, or the last re-import's): its mistakes are findings marked preExisting. */
  @Property({ default: 1 })
  publishedVersion: number = 1;

  /** Notes printed under the table. */
  @Field(() => [String], { description: 'Notes printed under the table' })
  @Property({ type: 'json', default: '[]' })
  footnotes: string[] = [];

  @Field(() => Int, { description: 'Place of the table among the tables of its plan, from 1' })
  @Property()
  position: number = 0;

  @Field(() => TableStatus, { description: 'Where the table is in the approval workflow' })
  @Enum({ items: () => TableStatus, default: TableStatus.DRAFT })
  status: TableStatus = TableStatus.DRAFT;

  /** The reporting period when the table is a report; its deadline drives the grid's countdown. */
  @ManyToOne(() => Period, { nullable: true })
  reportingPeriod: Period | null = null;

  /** Managed by pushTable under a row lock, not by the ORM: workflow changes must not bump it. */
  @Field(() => Int, { description: 'Optimistic-lock version of the cells; grows by one with every accepted push' })
  @Property()
  version: number = 1;
}
