import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, visit, type DocumentNode, type ValueNode } from 'graphql';
import type { GraphQLContext } from './context';
import { userError } from './errors';

const refused = (argument: string, vi: string, en: string) => userError('BAD_USER_INPUT', vi, en, { argument, http: { status: 400 } });

/** Longest accepted text per argument or input field name; anything not named here gets DEFAULT_LIMIT. */
const LIMITS: Record<string, number> = {
  comment: 2000,
  reason: 2000,
  title: 300,
  caption: 1000,
  name: 200,
  displayName: 200,
  login: 100,
  password: 200,
  idempotencyKey: 200,
  documentNumber: 100,
  extraRules: 100_000,
};
const DEFAULT_LIMIT = 500;

function* textsInJson(name: string, value: unknown): Generator<[string, string]> {
  if (typeof value === 'string') yield [name, value];
  else if (Array.isArray(value)) for (const item of value) yield* textsInJson(name, item);
  else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) yield* textsInJson(key, item);
}

function* textsInAst(name: string, node: ValueNode, variables: Record<string, unknown>): Generator<[string, string]> {
  if (node.kind === Kind.STRING) yield [name, node.value];
  else if (node.kind === Kind.VARIABLE) yield* textsInJson(name, variables[node.name.value]);
  else if (node.kind === Kind.LIST) for (const item of node.values) yield* textsInAst(name, item, variables);
  else if (node.kind === Kind.OBJECT) for (const field of node.fields) yield* textsInAst(field.name.value, field.value, variables);
}

/** Every text argument of the operation (literal or variable, inside input objects too), with the name it is given under. */
export function textArguments(document: DocumentNode, variables: Record<string, unknown>): [string, string][] {
  const found: [string, string][] = [];
  visit(document, {
    Argument(node) {
      found.push(...textsInAst(node.name.value, node.value, variables));
    },
  });
  return found;
}

/**
 * Refuses, before anything runs, a text argument that is too long or holds a NUL character
 * (PostgreSQL cannot store it), naming the argument and never repeating the value.
 */
export function inputLimitsPlugin(): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request }) {
          for (const [name, text] of textArguments(document, request.variables ?? {})) {
            const limit = LIMITS[name] ?? DEFAULT_LIMIT;
            if (text.length > limit) {
              throw refused(name, `${name} dài ${text.length} ký tự; tối đa ${limit}`, `${name} has ${text.length} characters; at most ${limit}`);
            }
            if (text.includes('\0')) {
              throw refused(name, `${name} chứa ký tự NUL (\\0), không lưu được`, `${name} contains a NUL character (\\0), which cannot be stored`);
            }
          }
        },
      };
    },
  };
}
