import { Field, Int, ObjectType, type ClassType } from 'type-graphql';

@ObjectType({ description: 'Where a page of a connection stands in the whole list (Relay cursor connections)' })
export class PageInfo {
  @Field({ description: 'More items follow endCursor: ask again with first and after: endCursor' })
  hasNextPage!: boolean;

  @Field({ description: 'More items come before startCursor: ask again with last and before: startCursor' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first item of the page; null when the page is empty' })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last item of the page; null when the page is empty' })
  endCursor!: string | null;
}

/** What every connection answers; its totalCount is counted only when a client asks for it. */
export interface ConnectionValue<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: PageInfo;
  /** A getter: counted on first read, so only when a client asks for it. */
  readonly totalCount: Promise<number>;
}

/** The same page with each item converted (rows read as stored, answered as entities). */
export function mapNodes<T, U>(page: ConnectionValue<T>, convert: (item: T) => U): ConnectionValue<U> {
  const edges = page.edges.map((edge) => ({ cursor: edge.cursor, node: convert(edge.node) }));
  return { edges, nodes: edges.map((edge) => edge.node), pageInfo: page.pageInfo, get totalCount() { return page.totalCount; } };
}

/**
 * The Relay connection and edge types of a list of `node` items, named `${name}Connection` and `${name}Edge`.
 * `what` names the items in the descriptions ("indicator values").
 */
export function connectionType<T extends object>(node: ClassType<T>, name: string, what: string): ClassType<ConnectionValue<T>> {
  @ObjectType(`${name}Edge`, { description: `One of the ${what} of a page, with its cursor` })
  class Edge {
    @Field({ description: 'Opaque position of this item: pass it as after (or before) to page on from it' })
    cursor!: string;

    @Field(() => node, { description: `The item itself: one of the ${what}` })
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${what}, in a stable order, with the cursors to page on` })
  class Connection implements ConnectionValue<T> {
    @Field(() => [Edge], { description: 'The items of the page, each with its cursor' })
    edges!: Edge[];

    @Field(() => [node], { description: 'The items of the page, without cursors (the nodes of edges)' })
    nodes!: T[];

    @Field(() => PageInfo, { description: 'Whether there is more before or after this page, and its first and last cursor' })
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'How many items the whole list has, over every page (counted only when asked for)' })
    totalCount!: Promise<number>;
  }
  return Connection;
}
