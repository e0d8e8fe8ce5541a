import { createClient, type Client, type FormattedExecutionResult as ExecutionResult } from 'graphql-ws';
import WebSocket from 'ws';

export const TABLE_CHANGED = `subscription ($id: ID!, $since: Int) {
  tableChanged(tableId: $id, sinceVersion: $since) { tableId version author authorLogin changedAt changedCells { rowKey columnKey } changedCellCount structureChanged }
}`;

/** How a socket the server closed was closed. */
export interface Closed {
  code: number;
  reason: string;
}

export interface SocketClient {
  client: Client;
  /** Settles when the server closes the socket (never when the client disposes it). */
  closed: Promise<Closed>;
  dispose(): Promise<void>;
}

/** A graphql-ws client on the app's /graphql, signed in with `authorization` (or not), retrying nothing. */
export function openSocket(httpUrl: string, authorization: string | null, options: { connectionParams?: Record<string, unknown> } = {}): SocketClient {
  let closedBy: (closed: Closed) => void = () => undefined;
  const closed = new Promise<Closed>((resolve) => (closedBy = resolve));
  const client = createClient({
    url: httpUrl.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: options.connectionParams ?? (authorization ? { authorization } : {}),
    retryAttempts: 0,
    lazy: false,
    onNonLazyError: () => undefined,
    on: { closed: (event) => closedBy({ code: (event as CloseEvent).code, reason: String((event as CloseEvent).reason) }) },
  });
  return { client, closed, dispose: () => Promise.resolve(client.dispose()) };
}

export interface Watch {
  /** The next result, or a failure after `ms`. */
  next(ms?: number): Promise<ExecutionResult<any, unknown>>;
  /** Whether a result arrives within `ms` (false: none did). */
  nothingWithin(ms: number): Promise<boolean>;
  stop(): Promise<void>;
}

/** Subscribes to tableChanged for one table (from a version seen earlier); results (and errors) are read one at a time. */
export function watchTable(client: Client, tableId: string, sinceVersion?: number): Watch {
  const iterator = client.iterate<any>({ query: TABLE_CHANGED, variables: { id: tableId, since: sinceVersion } });
  let pending: Promise<IteratorResult<ExecutionResult<any, unknown>>> | null = null;
  const take = () => (pending ??= iterator.next());
  const within = <T>(promise: Promise<T>, ms: number, what: string) =>
    new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${what} within ${ms} ms`)), ms);
      promise.then(resolve, reject).finally(() => clearTimeout(timer));
    });
  return {
    async next(ms = 5000) {
      const result = await within(take(), ms, `no tableChanged result for table ${tableId}`);
      pending = null;
      if (result.done) throw new Error(`the subscription to table ${tableId} ended`);
      return result.value;
    },
    async nothingWithin(ms) {
      return within(take(), ms, 'none').then(
        () => false,
        () => true,
      );
    },
    async stop() {
      await iterator.return?.();
    },
  };
}

/** Until this instance's feed counts `count` subscribers (subscribing has no acknowledgement in the protocol). */
export async function untilSubscribers(feed: { subscriberCount: number }, count: number, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (feed.subscriberCount < count) {
    if (Date.now() > deadline) throw new Error(`${feed.subscriberCount} subscribers, not ${count}, after ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
