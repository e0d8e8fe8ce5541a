import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import type https from 'node:https';
import type { ApolloServerPlugin } from '@apollo/server';
import type { MikroORM } from '@mikro-orm/postgresql';
import { getOperationAST, GraphQLError, parse, specifiedRules, validate, type GraphQLFormattedError, type GraphQLSchema, type ValidationRule } from 'graphql';
import type { Context } from 'graphql-ws';
import { useServer, type Extra } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { authenticate } from '../auth/tokens';
import { contextFor, identify, type Caller } from '../graphql/context';
import { graphQLErrorOf, userError } from '../graphql/errors';
import { Refusal } from '../../domain/refusal';
import type { RateLimits } from '../graphql/rate-limits';
import type { LiveContext } from '../graphql/resolvers/table-change-resolver';
import type { Logger } from '../logger';
import { currentVersions, readTableChange } from '../tables/table-changes';
import { TableChangeFeed } from './table-change-feed';

/** One add-in watches its bound sheets on one connection: a hundred tables is far more than a workbook binds. */
export const MAX_SUBSCRIPTIONS_PER_CONNECTION = 100;
/** Connections one user may hold open on one server instance (several workbooks, a few browser tabs). */
export const MAX_CONNECTIONS_PER_USER = 20;
/** A subscription is a few lines of GraphQL; nothing bigger has a reason to come over the socket. */
const MAX_MESSAGE_BYTES = 64 * 1024;
const MAX_TOKENS = 2000;
/** Timers hold at most about 24.8 days; a longer-lived token is checked again on the reconnection after that. */
const LONGEST_TIMER_MS = 2 ** 31 - 1;

/** Close codes: 4401 is final for graphql-ws clients (sign in again), 4403 and 1013 are retried with back-off. */
const SIGN_IN_REQUIRED = 4401;
const TOKEN_EXPIRED = 4403;
const TRY_AGAIN_LATER = 1013;

interface Principal {
  authorization: string;
  /** Identified once per connection: the access rights are computed when it opens (and again on reconnecting). */
  caller: Caller;
  expiry: NodeJS.Timeout;
}

type SocketContext = Context<Record<string, unknown> | undefined, Extra & { principal?: Principal }>;

export interface SubscriptionSettings {
  schema: GraphQLSchema;
  orm: MikroORM;
  log: Logger;
  limits: RateLimits;
  publicIndicators: boolean;
  /** The same depth, alias and directive limits as the HTTP endpoint. */
  validationRules: readonly ValidationRule[];
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
}

function refuse(ctx: SocketContext, code: number, vi: string, en: string): false {
  // A close reason holds 123 bytes: the English first, then as much Vietnamese as fits.
  const reason = Buffer.from(`${en} / ${vi}`).subarray(0, 123).toString().replace(/\uFFFD$/, '');
  ctx.extra.socket.close(code, reason);
  return false;
}

function bearerOf(params: Record<string, unknown> | undefined): string | null {
  const authorization = params?.authorization ?? params?.Authorization;
  return typeof authorization === 'string' && authorization.trim() ? authorization : null;
}

/**
 * GraphQL subscriptions over WebSocket (graphql-ws protocol) at /graphql on the HTTP server Apollo answers on.
 * A connection signs in with the same bearer token as HTTP, in connectionParams.authorization, and is closed when
 * the token expires; only subscriptions are answered (queries and mutations go over HTTP, with its rate and cost
 * limits). Changes arrive from every instance through PostgreSQL LISTEN/NOTIFY (TableChangeFeed).
 */
export async function serveSubscriptions(httpServer: http.Server | https.Server, settings: SubscriptionSettings): Promise<{ feed: TableChangeFeed; plugin: ApolloServerPlugin<any> }> {
  const { schema, orm, log } = settings;
  const feed = new TableChangeFeed(
    orm.config.get('clientUrl')!,
    (tableId, version) => readTableChange(orm.em.fork(), tableId, version),
    (tableIds) => currentVersions(orm.em.fork(), tableIds),
    log,
  );
  await feed.start();
  const connectionsByUser = new Map<number, number>();
  const rules = [...specifiedRules, ...settings.validationRules];
  const format = (errors: readonly GraphQLError[]) => errors.map((error) => settings.formatError(error.toJSON(), error));

  const wss = new WebSocketServer({ server: httpServer, path: '/graphql', maxPayload: MAX_MESSAGE_BYTES });
  const server = useServer<Record<string, unknown> | undefined, { principal?: Principal }>(
    {
      schema,
      onConnect: async (ctx) => {
        const authorization = bearerOf(ctx.connectionParams);
        if (!authorization) {
          return refuse(ctx, SIGN_IN_REQUIRED, 'Cần đăng nhập: gửi authorization trong connectionParams', 'Sign-in required: send authorization in connectionParams');
        }
        let caller: Caller;
        try {
          caller = await identify(orm.em.fork(), authorization);
        } catch (error) {
          if (error instanceof Refusal) return refuse(ctx, SIGN_IN_REQUIRED, 'Mã truy cập không hợp lệ hoặc đã hết hạn', 'The token is invalid or has expired');
          log.warn({ err: error }, 'cannot identify a WebSocket connection');
          return refuse(ctx, TRY_AGAIN_LATER, 'Tạm thời không kết nối được cơ sở dữ liệu', 'The database cannot be reached just now');
        }
        const token = caller.token!;
        const userId = token.user.id;
        const open = connectionsByUser.get(userId) ?? 0;
        if (open >= MAX_CONNECTIONS_PER_USER) {
          return refuse(ctx, TRY_AGAIN_LATER, `Quá nhiều kết nối (tối đa ${MAX_CONNECTIONS_PER_USER})`, `Too many connections for this user (at most ${MAX_CONNECTIONS_PER_USER})`);
        }
        connectionsByUser.set(userId, open + 1);
        const expiry = setTimeout(
          () => refuse(ctx, TOKEN_EXPIRED, 'Mã truy cập đã hết hạn', 'The token has expired; reconnect with a new one'),
          Math.min(token.expiresAt.getTime() - Date.now(), LONGEST_TIMER_MS),
        );
        ctx.extra.principal = { authorization, caller, expiry };
        return true;
      },
      onClose: (ctx) => {
        const principal = ctx.extra.principal;
        if (!principal) return;
        clearTimeout(principal.expiry);
        const userId = principal.caller.token!.user.id;
        const open = (connectionsByUser.get(userId) ?? 1) - 1;
        if (open > 0) connectionsByUser.set(userId, open);
        else connectionsByUser.delete(userId);
      },
      onSubscribe: async (ctx, _id, payload) => {
        // The subscription being started is already counted.
        if (Object.keys(ctx.subscriptions).length > MAX_SUBSCRIPTIONS_PER_CONNECTION) {
          return [
            userError(
              'TOO_MANY_SUBSCRIPTIONS',
              `Quá nhiều đăng ký trên một kết nối (tối đa ${MAX_SUBSCRIPTIONS_PER_CONNECTION})`,
              `Too many subscriptions on one connection (at most ${MAX_SUBSCRIPTIONS_PER_CONNECTION})`,
            ),
          ];
        }
        let document;
        try {
          document = parse(payload.query, { maxTokens: MAX_TOKENS });
        } catch (error) {
          return [error as GraphQLError];
        }
        const invalid = validate(schema, document, rules);
        if (invalid.length) return invalid;
        if (getOperationAST(document, payload.operationName)?.operation !== 'subscription') {
          return [userError('SUBSCRIPTIONS_ONLY', 'Qua WebSocket chỉ nhận subscription; gửi query và mutation qua HTTP', 'Only subscriptions over WebSocket; send queries and mutations over HTTP')];
        }
        const principal = ctx.extra.principal!;
        const em = orm.em.fork();
        try {
          // The token again: one revoked (signed out) since the connection opened starts nothing new.
          await authenticate(em, principal.authorization);
        } catch (error) {
          return [error instanceof Refusal ? graphQLErrorOf(error) : userError('SERVICE_UNAVAILABLE', 'Tạm thời không kết nối được cơ sở dữ liệu', 'The database cannot be reached just now')];
        }
        const context = contextFor(em, log, { requestId: randomUUID(), ip: ctx.extra.request.socket.remoteAddress ?? 'unknown' }, principal.caller, settings);
        const contextValue: LiveContext = { ...context, tableChanges: feed };
        return { schema, document, variableValues: payload.variables, operationName: payload.operationName, contextValue };
      },
      onError: (_ctx, _id, _payload, errors) => format(errors),
      onNext: (_ctx, _id, _payload, _args, result) => (result.errors ? { ...result, errors: format(result.errors) } : undefined),
    },
    wss,
  );
  const plugin: ApolloServerPlugin<any> = {
    async serverWillStart() {
      return {
        async drainServer() {
          await server.dispose();
          await feed.close();
        },
      };
    },
  };
  return { feed, plugin };
}
