import type { MikroORM } from '@mikro-orm/postgresql';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../server/http/app';
import { createLogger } from '../../server/logger';

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

export interface TestApp {
  url: string;
  query<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResponse<T>>;
  close(): Promise<void>;
}

/** The real HTTP app in this process, on a free port, over the given database. */
export async function startTestApp(orm: MikroORM, maxBodyBytes = 1024 * 1024): Promise<TestApp> {
  const app = await createApp(orm, { maxBodyBytes }, createLogger(process.env.TEST_LOG_LEVEL ?? 'silent'));
  await new Promise<void>((resolve) => app.httpServer.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(app.httpServer.address() as AddressInfo).port}/graphql`;
  return {
    url,
    query: (query, variables, headers) => postGraphQL(url, query, variables, headers),
    close: () => app.apollo.stop(),
  };
}
