/**
 * Live table changes for the bound sheets: one graphql-ws connection to the server's /graphql, one tableChanged
 * subscription per bound table. It signs in with the session's token on every (re)connection and retries with
 * back-off after a network loss; a refused sign-in (4401) drops the subscriptions, and the next watch() after
 * signing in starts them again.
 */
import { createClient, type Client } from 'graphql-ws';

export interface TableChangeNotice {
  tableId: string;
  version: number;
  author: string;
  authorLogin: string;
  changedAt: string;
  changedCellCount: number;
  structureChanged: boolean;
}

const TABLE_CHANGED = `subscription ($id: ID!, $since: Int) { tableChanged(tableId: $id, sinceVersion: $since) { tableId version author authorLogin changedAt changedCellCount structureChanged } }`;
const LONGEST_RETRY_WAIT_MS = 30_000;

export interface TableWatchOptions {
  /** The server's GraphQL endpoint over HTTP(S): the socket is the same address over WS(S). */
  endpoint: string;
  token: () => Promise<string | null>;
  changed: (notice: TableChangeNotice) => void;
}

export class TableWatch {
  private client: Client | null = null;
  private readonly stops = new Map<string, () => void>();

  constructor(private readonly options: TableWatchOptions) {}

  /**
   * Watches exactly these tables, starting and stopping subscriptions as needed. Each starts from the version the
   * sheet has: a push made while the pane was closed or offline is told as soon as the subscription (re)starts.
   */
  watch(tables: readonly { tableId: string; version: number }[]): void {
    const wanted = new Map(tables.map((table) => [table.tableId, table.version]));
    for (const [tableId, stop] of this.stops) {
      if (wanted.has(tableId)) continue;
      stop();
      this.stops.delete(tableId);
    }
    for (const [tableId, version] of wanted) if (!this.stops.has(tableId)) this.subscribe(tableId, version);
  }

  close(): void {
    for (const stop of this.stops.values()) stop();
    this.stops.clear();
    void this.client?.dispose();
    this.client = null;
  }

  private subscribe(tableId: string, sinceVersion: number): void {
    this.client ??= createClient({
      url: this.options.endpoint.replace(/^http/, 'ws'),
      // Connected only while something is watched.
      lazy: true,
      retryAttempts: Infinity,
      shouldRetry: () => true,
      retryWait: (retries) => new Promise((resolve) => setTimeout(resolve, Math.min(1000 * 2 ** retries, LONGEST_RETRY_WAIT_MS) + Math.random() * 1000)),
      connectionParams: async () => {
        const token = await this.options.token();
        return token ? { authorization: `Bearer ${token}` } : {};
      },
    });
    const stop = this.client.subscribe<{ tableChanged: TableChangeNotice }>(
      { query: TABLE_CHANGED, variables: { id: tableId, since: sinceVersion } },
      {
        next: (result) => {
          if (result.data?.tableChanged) this.options.changed(result.data.tableChanged);
        },
        // Refused (signed out, the table no longer readable): forgotten, so that a later watch() tries again.
        error: () => this.stops.delete(tableId),
        complete: () => this.stops.delete(tableId),
      },
    );
    this.stops.set(tableId, stop);
  }
}
