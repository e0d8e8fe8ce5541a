import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { AddressInfo } from 'node:net';
import { issueToken } from '../../server/auth/tokens';
import { TokenKind, User } from '../../server/entities';
import { createApp, type AppSettings, type PlanBridgeApp } from '../../server/http/app';
import { createLogger } from '../../server/logger';
import { createTestDatabase, type TestDatabase } from './database';

export interface GraphQLResponse<T = Record<string, any>> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: Record<string, any> }[];
}

export async function postGraphQL<T = Record<string, any>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, ...((await response.json()) as object) };
}

/** A personal access token for a seeded user, issued directly (no sign-in, no rate limit). */
export async function tokenFor(orm: MikroORM, login: string): Promise<string> {
  const em = orm.em.fork() as EntityManager;
  const user = await em.findOneOrFail(User, { login });
  const { token } = issueToken(em, user, TokenKind.PERSONAL, 3600000, 'test');
  await em.flush();
  return token;
}

type Query = <T = Record<string, any>>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>) => Promise<GraphQLResponse<T>>;

export interface TestApp {
  url: string;
  /** As the app's default user (the national administrator unless asked otherwise). */
  query: Query;
  /** As a given seeded user, or anonymously (null). */
  as(login: string | null): Promise<Query>;
  /** The app itself (its HTTP server, Apollo, its table change feed). */
  app: PlanBridgeApp;
  close(): Promise<void>;
}

/** The real HTTP app in this process, on a free port, over the given database. */
export async function startTestApp(orm: MikroORM, options: { settings?: Partial<AppSettings>; as?: string | null } = {}): Promise<TestApp> {
  const app = await createApp(orm, { signInsPerMinute: 1000, ...options.settings }, createLogger(process.env.TEST_LOG_LEVEL ?? 'silent'));
  await new Promise<void>((resolve) => app.httpServer.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(app.httpServer.address() as AddressInfo).port}/graphql`;
  const tokens = new Map<string, string>();
  const as = async (login: string | null): Promise<Query> => {
    if (login === null) return (query, variables, headers) => postGraphQL(url, query, variables, headers);
    if (!tokens.has(login)) tokens.set(login, await tokenFor(orm, login));
    const authorization = `Bearer ${tokens.get(login)}`;
    return (query, variables, headers) => postGraphQL(url, query, variables, { authorization, ...headers });
  };
  const defaultQuery = await as(options.as === undefined ? 'admin' : options.as);
  return { url, query: defaultQuery, as, app, close: () => app.apollo.stop() };
}

/**
 * A cloned test database and the real app on it, made before the enclosing block's tests and removed after them;
 * `made` receives both (test files keep their own `db` and `app`).
 */
export function useTestApp(made: (fixture: { db: TestDatabase; app: TestApp }) => void): void {
  let db: TestDatabase | undefined;
  let app: TestApp | undefined;
  beforeAll(async () => {
    db = await createTestDatabase();
    app = await startTestApp(db.orm);
    made({ db, app });
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });
}
