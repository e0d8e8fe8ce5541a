import type { ApolloServerPlugin } from '@apollo/server';
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { Kind, TypeInfo, validate, visit, visitWithTypeInfo, type ArgumentNode, type DocumentNode, type GraphQLSchema, type ValueNode } from 'graphql';
import type { GraphQLContext } from '../context';
import { userError } from '../errors';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './page-arguments';

/** Most a query may cost in graphql-armor's measure (objects 2, scalars 1, ×1.5 per level, × the page size of a connection). */
export const MAX_QUERY_COST = 20_000;

function intOf(value: ValueNode | undefined, variables: Record<string, unknown>, defaults: Map<string, ValueNode>): number | null {
  if (!value) return null;
  if (value.kind === Kind.INT) return Number(value.value);
  if (value.kind !== Kind.VARIABLE) return null;
  const given = variables[value.name.value];
  if (typeof given === 'number') return given;
  return given === undefined ? intOf(defaults.get(value.name.value), variables, defaults) : null;
}

/**
 * The operation with the page size of every connection written out as a literal `first`: the one asked for
 * (literal or variable), or the default page size. graphql-armor's cost rule multiplies by a literal first or
 * last only, so without this a page size passed as a variable, or left to its default, would cost as one item.
 */
export function withPageSizes(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown>): DocumentNode {
  const defaults = new Map<string, ValueNode>();
  visit(document, {
    VariableDefinition(node) {
      if (node.defaultValue) defaults.set(node.variable.name.value, node.defaultValue);
    },
  });
  const typeInfo = new TypeInfo(schema);
  return visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        if (!typeInfo.getFieldDef()?.args.some((argument) => argument.name === 'first')) return undefined;
        const size = (name: string) => intOf(node.arguments?.find((argument) => argument.name.value === name)?.value, variables, defaults);
        const first = size('first');
        const last = size('last');
        // A size above the maximum is refused by the connection itself, with a message that says so.
        const pages = first === null && last === null ? DEFAULT_PAGE_SIZE : Math.min(Math.max(first ?? 0, last ?? 0), MAX_PAGE_SIZE);
        const sized: ArgumentNode = { kind: Kind.ARGUMENT, name: { kind: Kind.NAME, value: 'first' }, value: { kind: Kind.INT, value: String(pages) } };
        return { ...node, arguments: [sized] };
      },
    }),
  );
}

/** The cost of the operation with its page sizes counted, or null when it is within MAX_QUERY_COST. */
export function excessCost(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown>): number | null {
  let found: number | null = null;
  const rule = costLimitRule({
    maxCost: MAX_QUERY_COST,
    propagateOnRejection: false,
    onReject: [(_context, error) => (found = Number(/found (\d+(?:\.\d+)?)/.exec(error.message)?.[1] ?? Number.NaN))],
  });
  validate(schema, withPageSizes(schema, document, variables), [rule]);
  return found;
}

/** Refuses, before anything runs, an operation whose cost with its page sizes is above MAX_QUERY_COST. */
export function pageCostPlugin(): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request, schema }) {
          const cost = excessCost(schema, document, request.variables ?? {});
          if (cost === null) return;
          throw userError(
            'QUERY_TOO_COSTLY',
            `Truy vấn quá lớn: chi phí ${Math.ceil(cost)}, tối đa ${MAX_QUERY_COST} (mỗi trang nhân chi phí của các trường bên trong với số mục first/last). Hãy lấy trang nhỏ hơn hoặc ít trường lồng nhau hơn`,
            `The query is too large: it costs ${Math.ceil(cost)}, at most ${MAX_QUERY_COST} (a page multiplies the cost of the fields inside it by its first/last). Ask for smaller pages or fewer nested fields`,
            { cost: Math.ceil(cost), maxCost: MAX_QUERY_COST, http: { status: 400 } },
          );
        },
      };
    },
  };
}
