import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import type { MikroORM } from '@mikro-orm/postgresql';
import express, { type ErrorRequestHandler } from 'express';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { ServerConfig } from '../config';
import type { Logger } from '../logger';
import { createContext, type GraphQLContext } from '../graphql/context';
import { createSchema } from '../graphql/schema';
import { graphiqlRouter } from './graphiql';

export interface PlanBridgeApp {
  httpServer: http.Server;
  apollo: ApolloServer<GraphQLContext>;
}

const KNOWN_CODES = new Set([
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'AMBIGUOUS',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'TOO_MANY_CHANGES',
  'BAD_IDEMPOTENCY_KEY',
  'IDEMPOTENCY_KEY_REUSED',
  'NO_CHANGES',
  'BAD_BASE_VERSION',
]);

/**
 * Errors we raised on purpose reach the client as they are; anything else is logged with the
 * request id and masked, so no stack trace or SQL ever leaves the server.
 */
function maskErrors(log: Logger): (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError {
  return (formatted, error) => {
    const code = formatted.extensions?.code as string | undefined;
    if (code && KNOWN_CODES.has(code)) return formatted;
    const original = error instanceof GraphQLError ? error.originalError ?? error : error;
    const requestId = randomUUID();
    log.error({ err: original, requestId, path: formatted.path }, 'internal error');
    return {
      message: `Internal error (request ${requestId}) / Lỗi máy chủ (mã yêu cầu ${requestId})`,
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR', requestId },
    };
  };
}

/** Body-parser and other Express failures answer as JSON, never as an HTML stack trace. */
function jsonErrors(log: Logger): ErrorRequestHandler {
  return (error, _req, res, _next) => {
    const status = typeof error.status === 'number' ? error.status : 500;
    const messages: Record<number, [string, string]> = {
      413: ['Request body too large', 'Yêu cầu quá lớn'],
      400: ['Malformed request body (expected JSON)', 'Nội dung yêu cầu không hợp lệ (cần JSON)'],
    };
    const [en, vi] = messages[status] ?? ['Internal error', 'Lỗi máy chủ'];
    if (status >= 500) log.error({ err: error }, 'request failed');
    res.status(status).json({ errors: [{ message: `${en} / ${vi}`, extensions: { code: status === 413 ? 'PAYLOAD_TOO_LARGE' : status === 400 ? 'BAD_REQUEST' : 'INTERNAL_SERVER_ERROR' } }] });
  };
}

export async function createApp(orm: MikroORM, config: Pick<ServerConfig, 'maxBodyBytes'>, log: Logger): Promise<PlanBridgeApp> {
  const app = express();
  const httpServer = http.createServer(app);
  const plugins: ApolloServerPlugin<GraphQLContext>[] = [
    ApolloServerPluginDrainHttpServer({ httpServer }),
    ApolloServerPluginLandingPageDisabled(),
  ];
  const apollo = new ApolloServer<GraphQLContext>({
    schema: await createSchema(),
    plugins,
    formatError: maskErrors(log),
    includeStacktraceInErrorResponses: false,
  });
  await apollo.start();

  app.disable('x-powered-by');
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.use(graphiqlRouter('/graphql'));
  app.use(
    '/graphql',
    express.json({ limit: config.maxBodyBytes }),
    expressMiddleware(apollo, {
      context: async ({ req }) =>
        createContext(orm, log, String(req.headers['x-request-id'] ?? randomUUID()), String(req.headers['x-planbridge-user'] ?? 'anonymous').slice(0, 200)),
    }),
  );
  app.use(jsonErrors(log));
  return { httpServer, apollo };
}
