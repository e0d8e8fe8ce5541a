import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { MikroORM } from '@mikro-orm/postgresql';
import express, { type ErrorRequestHandler } from 'express';
import { Refusal } from '../../domain/refusal';
import type { ServerConfig } from '../config';
import { createContext, type GraphQLContext } from '../graphql/context';
import { pageCostPlugin } from '../graphql/connections/page-cost';
import { databaseUnavailable, errorAnswers } from '../graphql/error-answers';
import { graphQLErrorOf } from '../graphql/errors';
import { inputLimitsPlugin } from '../graphql/input-limits';
import { RateLimits } from '../graphql/rate-limits';
import { createSchema } from '../graphql/schema';
import { serveSubscriptions } from '../live/subscription-socket';
import type { TableChangeFeed } from '../live/table-change-feed';
import type { Logger } from '../logger';
import { addinRouter } from './addin-static';
import { indicatorValuesCsvRouter } from './indicator-values-csv';
import { graphiqlRouter } from './graphiql';
import { guideRouter } from './guide-pages';
import { securityHeaders } from './security-headers';
import { signInRouter } from './sign-in-page';
import { tablesPageRouter } from './tables-page';
import { tableUploadRouter } from './table-upload';
import { reportRouter } from '../workbook/report-download';
import { workbookRouter } from '../workbook/workbook-routes';

export interface PlanBridgeApp {
  httpServer: http.Server | https.Server;
  apollo: ApolloServer<GraphQLContext>;
  /** This instance's subscribers to table changes and its LISTEN connection. */
  tableChanges: TableChangeFeed;
}

export type AppSettings = Pick<
  ServerConfig,
  'maxBodyBytes' | 'introspection' | 'ide' | 'publicIndicators' | 'signInsPerMinute' | 'mutationsPerMinute' | 'publicUrl' | 'addinOrigins' | 'trustProxy'
>;

export const DEFAULT_APP_SETTINGS: AppSettings = {
  maxBodyBytes: 5 * 1024 * 1024,
  introspection: true,
  ide: true,
  publicIndicators: false,
  signInsPerMinute: 20,
  mutationsPerMinute: 600,
  publicUrl: null,
  addinOrigins: [],
  trustProxy: false,
};

/** The id of the request being answered, for the error masking and the logs (formatError sees no context). */
const currentRequest = new AsyncLocalStorage<{ requestId: string }>();

/** A client's X-Request-Id is kept when it is a plain short token, else the request gets its own. */
function requestIdOf(header: string | string[] | undefined): string {
  return typeof header === 'string' && /^[\w.:-]{1,100}$/.test(header) ? header : randomUUID();
}

/** A failure while building the context (the database unreachable, say) is logged, and answered without its details. */
async function contextOrUnavailable(build: () => Promise<GraphQLContext>, log: Logger, requestId: string): Promise<GraphQLContext> {
  try {
    return await build();
  } catch (error) {
    // Apollo answers a failed context only from a GraphQLError (else "Context creation failed" and a 500).
    if (error instanceof Refusal) throw graphQLErrorOf(error);
    log.error({ err: error, requestId }, 'cannot build the request context');
    throw databaseUnavailable(requestId);
  }
}

/** Body-parser and other Express failures answer as JSON, never as an HTML stack trace. */
function jsonErrors(log: Logger): ErrorRequestHandler {
  return (error, _req, res, _next) => {
    const status = typeof error.status === 'number' ? error.status : 500;
    const messages: Record<number, [string, string, string]> = {
      413: ['Request body too large', 'Yêu cầu quá lớn', 'PAYLOAD_TOO_LARGE'],
      400: ['Malformed request body (expected JSON)', 'Nội dung yêu cầu không hợp lệ (cần JSON)', 'BAD_REQUEST'],
    };
    const [en, vi, code] = messages[status] ?? ['Internal error', 'Lỗi máy chủ', 'INTERNAL_SERVER_ERROR'];
    if (status >= 500) log.error({ err: error }, 'request failed');
    res.status(status).json({ errors: [{ message: `${en} / ${vi}`, extensions: { code } }] });
  };
}

/** PEM certificate and key: the server then speaks HTTPS (Office loads add-ins only over HTTPS). */
export interface TlsCredentials {
  cert: Buffer;
  key: Buffer;
}

/** Whether the database answers a trivial query within two seconds. */
async function databaseAnswers(orm: MikroORM): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), 2000)));
  const query = orm.em.getConnection().execute('select 1').then(
    () => true,
    () => false,
  );
  const ready = await Promise.race([query, timeout]);
  clearTimeout(timer);
  return ready;
}

export async function createApp(orm: MikroORM, overrides: Partial<AppSettings>, log: Logger, tls: TlsCredentials | null = null): Promise<PlanBridgeApp> {
  const settings = { ...DEFAULT_APP_SETTINGS, ...overrides };
  const app = express();
  const httpServer = tls ? https.createServer(tls, app) : http.createServer(app);
  const limits = new RateLimits(orm, settings);
  app.set('trust proxy', settings.trustProxy);
  const armor = new ApolloArmor({
    maxDepth: { n: 15 },
    maxAliases: { n: 20 },
    // The cost limit runs in pageCostPlugin instead, with every connection's page size counted.
    costLimit: { enabled: false },
    // Token limit through graphql-js's parser instead (parseOptions below): armor's plugin re-parses
    // and answers a plain syntax error with HTTP 500.
    maxTokens: { enabled: false },
    maxDirectives: { n: 30 },
    // Without introspection, error-answers.ts replaces every message that could name the schema, suggestions included.
    blockFieldSuggestion: { enabled: false },
  }).protect();
  const errors = errorAnswers(log, !settings.introspection, () => currentRequest.getStore()?.requestId ?? randomUUID());
  const plugins: ApolloServerPlugin<GraphQLContext>[] = [
    ...(armor.plugins as ApolloServerPlugin<GraphQLContext>[]),
    ApolloServerPluginDrainHttpServer({ httpServer }),
    ApolloServerPluginLandingPageDisabled(),
    inputLimitsPlugin(),
    pageCostPlugin(),
    limits.plugin(),
    errors.plugin,
  ];
  const schema = await createSchema();
  // Subscriptions (tableChanged) over WebSocket on the same server and path; stopped with Apollo.
  const subscriptions = await serveSubscriptions(httpServer, { schema, orm, log, limits, publicIndicators: settings.publicIndicators, validationRules: armor.validationRules, formatError: errors.formatError });
  plugins.push(subscriptions.plugin);
  const apollo = new ApolloServer<GraphQLContext>({
    schema,
    plugins,
    validationRules: armor.validationRules,
    parseOptions: { maxTokens: 20000 },
    allowBatchedHttpRequests: false,
    introspection: settings.introspection,
    formatError: errors.formatError,
    includeStacktraceInErrorResponses: false,
    // main.ts stops everything in order on SIGINT/SIGTERM (GraphQL, pool, PostgreSQL); Apollo's own handlers
    // (added outside NODE_ENV=test) would stop GraphQL a second time and leave that shutdown hanging.
    stopOnTerminationSignals: false,
  });
  await apollo.start();

  app.disable('x-powered-by');
  app.use(securityHeaders());
  app.use(addinRouter({ publicUrl: settings.publicUrl, allowedOrigins: settings.addinOrigins })); // Excel add-in pane and CORS
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const ready = await databaseAnswers(orm);
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'database unreachable' });
  });
  if (settings.ide) app.use(graphiqlRouter('/graphql'));
  app.use(signInRouter({ allowedOrigins: settings.addinOrigins }));
  app.use(tablesPageRouter());
  app.use(indicatorValuesCsvRouter(orm, log, { publicIndicators: settings.publicIndicators }));
  app.use(guideRouter());
  app.use(workbookRouter(orm, log, settings.maxBodyBytes));
  app.use(
    '/graphql',
    (req, res, next) => {
      const requestId = requestIdOf(req.headers['x-request-id']);
      res.setHeader('X-Request-Id', requestId);
      res.locals.requestId = requestId;
      currentRequest.run({ requestId }, next);
    },
    express.json({ limit: settings.maxBodyBytes }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const requestId = res.locals.requestId as string;
        return contextOrUnavailable(
          () => createContext(orm, log, { requestId, authorization: req.headers.authorization, ip: req.ip ?? 'unknown' }, { limits, publicIndicators: settings.publicIndicators }),
          log,
          requestId,
        );
      },
    }),
  );
  app.use(tableUploadRouter(orm, log, { limits, publicIndicators: settings.publicIndicators, maxBodyBytes: settings.maxBodyBytes }));
  app.use(reportRouter(orm, log, schema, { limits, publicIndicators: settings.publicIndicators }));
  app.use(jsonErrors(log));
  return { httpServer, apollo, tableChanges: subscriptions.feed };
}
