import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { Refusal } from '../../domain/refusal';
import { isDatabaseUnreachable } from '../db/database';
import type { Logger } from '../logger';
import { userError } from './errors';

/** Longest error message sent; a value quoted in a message never comes back at full length. */
const MAX_MESSAGE = 1000;
const shorten = (text: string) => (text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE)}…` : text);

/** What was thrown at heart: graphql-js and Apollo wrap what a resolver or a plugin threw in GraphQLErrors. */
function causeOf(error: unknown): unknown {
  let cause = error;
  while (cause instanceof GraphQLError && cause.originalError) cause = cause.originalError;
  return cause;
}

/** The answer while PostgreSQL is down or restarting: retry later, nothing about hosts, ports or drivers. */
export function databaseUnavailable(requestId: string): GraphQLError {
  return userError(
    'SERVICE_UNAVAILABLE',
    `Tạm thời không kết nối được cơ sở dữ liệu; hãy thử lại sau ít phút (mã yêu cầu ${requestId})`,
    `The database cannot be reached just now; try again in a moment (request ${requestId})`,
    { requestId, http: { status: 503 } },
  );
}

/**
 * graphql-js's messages for a query or variables that do not fit the schema name its types, required arguments
 * and input fields, and enum values. With introspection off the schema is private, so these become one generic
 * message with the position (and the caller's own variable name). Ours carry messageEn; graphql-armor's limits
 * ("Syntax Error: Query depth limit …") and Apollo's own rules (validationErrorCode: introspection is off) name
 * nothing of the schema.
 */
function revealsSchema(formatted: GraphQLFormattedError): boolean {
  const { code, messageEn, validationErrorCode } = formatted.extensions ?? {};
  if (code === 'GRAPHQL_VALIDATION_FAILED') return !formatted.message.startsWith('Syntax Error:') && validationErrorCode === undefined;
  return code === 'BAD_USER_INPUT' && messageEn === undefined;
}

function invalidRequest(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const at = formatted.locations?.[0];
  const variable = /^Variable "\$(\w+)"/.exec(formatted.message)?.[1];
  const where = (line: string, column: string, variableWord: string) =>
    `${at ? ` ${line} ${at.line}, ${column} ${at.column}` : ''}${variable ? ` (${variableWord} $${variable})` : ''}`;
  const messageEn = `Invalid request${where('at line', 'column', 'variable')}: a field, argument or value does not match the API (see docs/api.md)`;
  const messageVi = `Yêu cầu không hợp lệ${where('tại dòng', 'cột', 'biến')}: có trường, tham số hoặc giá trị không khớp với API (xem docs/api.md)`;
  return { message: `${messageEn} / ${messageVi}`, locations: formatted.locations, extensions: { code: formatted.extensions!.code, messageEn, messageVi } };
}

/**
 * How errors are answered. Errors raised on purpose (Refusal: ours; GraphQLError: the parser's, the validators',
 * graphql-armor's) reach the client, shortened, and without schema details when the schema is private; a
 * database that cannot be reached answers SERVICE_UNAVAILABLE (HTTP 503); anything else is logged with the
 * request's id and masked, so no stack trace, SQL or address ever leaves the server.
 */
export function errorAnswers(log: Logger, privateSchema: boolean, requestId: () => string) {
  const formatError = (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const cause = causeOf(error);
    if (cause instanceof Refusal) formatted = { ...formatted, message: cause.message, extensions: cause.extensions };
    if (cause instanceof GraphQLError || cause instanceof Refusal) {
      if (privateSchema && revealsSchema(formatted)) return invalidRequest(formatted);
      const extensions = formatted.extensions && Object.fromEntries(Object.entries(formatted.extensions).map(([key, value]) => [key, typeof value === 'string' ? shorten(value) : value]));
      return { ...formatted, message: shorten(formatted.message), ...(extensions ? { extensions } : {}) };
    }
    const id = requestId();
    if (isDatabaseUnreachable(cause)) {
      log.warn({ err: cause, requestId: id, path: formatted.path }, 'the database cannot be reached');
      const { message, extensions } = databaseUnavailable(id);
      const { http: _http, ...sent } = extensions;
      return { message, path: formatted.path, extensions: sent };
    }
    log.error({ err: cause, requestId: id, path: formatted.path }, 'internal error');
    return {
      message: `Internal error (request ${id}) / Lỗi máy chủ (mã yêu cầu ${id})`,
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: id },
    };
  };
  /** formatError cannot set the HTTP status: an unreachable database makes the whole answer a 503, for load balancers and retries. */
  const plugin: ApolloServerPlugin<any> = {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, response }) {
          const causes = errors.map(causeOf);
          if (causes.some(isDatabaseUnreachable)) response.http.status = 503;
          else {
            // A refusal thrown by a service reaches Apollo wrapped by graphql-js, its `http` unseen.
            const status = causes.find((cause): cause is Refusal => cause instanceof Refusal && cause.httpStatus !== undefined)?.httpStatus;
            if (status) response.http.status = status;
          }
        },
      };
    },
  };
  return { formatError, plugin };
}
