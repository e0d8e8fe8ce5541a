import { GraphQLError } from 'graphql';
import { Refusal } from '../../domain/refusal';

/** A refusal as graphql-js and Apollo expect it: the bilingual message, the code and details in extensions. */
export function graphQLErrorOf(refusal: Refusal): GraphQLError {
  return new GraphQLError(refusal.message, { originalError: refusal, extensions: { code: refusal.code, messageVi: refusal.messageVi, messageEn: refusal.messageEn, ...refusal.details } });
}

/** The GraphQL layer's own refusals where a GraphQLError is required (Apollo plugins, graphql-ws). */
export function userError(code: string, messageVi: string, messageEn: string, extra: Record<string, unknown> = {}): GraphQLError {
  return graphQLErrorOf(new Refusal(code, messageVi, messageEn, extra));
}
