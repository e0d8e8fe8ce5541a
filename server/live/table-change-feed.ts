import { Repeater, SlidingBuffer } from '@graphql-yoga/subscription';
import pg from 'pg';
import type { Logger } from '../logger';
import { TABLE_CHANGED_CHANNEL, type TableChangeRecord } from '../tables/table-changes';

type ReadChange = (tableId: number, version: number) => Promise<TableChangeRecord | null>;
type CurrentVersions = (tableIds: number[]) => Promise<Map<number, number>>;

/** A subscriber that does not keep up misses older changes, never the newest: a banner needs only the last one. */
const KEPT_PER_SUBSCRIBER = 8;
const RECONNECT_FIRST_MS = 500;
const RECONNECT_MAX_MS = 30_000;

interface Watched {
  listeners: Set<(change: TableChangeRecord) => void>;
  /** The newest version the subscribers of this instance know of: older notices are dropped, missed ones caught up. */
  version: number;
}

/**
 * This instance's end of PostgreSQL LISTEN/NOTIFY: one dedicated connection listens on the table-changes channel,
 * reads each change once (only for tables someone here subscribes to) and hands it to every local subscriber.
 * After the connection is lost it reconnects with back-off and catches up on the versions made meanwhile.
 */
export class TableChangeFeed {
  private readonly watched = new Map<number, Watched>();
  private client: pg.Client | null = null;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private reconnectDelay = RECONNECT_FIRST_MS;
  private everListened = false;
  private closed = false;

  constructor(
    private readonly databaseUrl: string,
    private readonly readChange: ReadChange,
    private readonly currentVersions: CurrentVersions,
    private readonly log: Logger,
  ) {}

  /** Resolves once listening, or once the first try failed (it keeps retrying in the background). */
  async start(): Promise<void> {
    await this.connect();
  }

  /** Whether the LISTEN connection is up (for tests and health). */
  get listening(): boolean {
    return this.client !== null;
  }

  /** Subscribers on this instance, all tables together. */
  get subscriberCount(): number {
    let count = 0;
    for (const entry of this.watched.values()) count += entry.listeners.size;
    return count;
  }

  /**
   * The changes of one table from now on (the table is at `currentVersion`). A subscriber that has seen only
   * `seenVersion` (a sheet pulled earlier, a client reconnecting) is first told of the current version.
   */
  changesOf(tableId: number, currentVersion: number, seenVersion = currentVersion): AsyncIterableIterator<TableChangeRecord> {
    return new Repeater<TableChangeRecord>(async (push, stop) => {
      const entry = this.watched.get(tableId) ?? { listeners: new Set(), version: currentVersion };
      entry.version = Math.max(entry.version, currentVersion);
      this.watched.set(tableId, entry);
      const listener = (change: TableChangeRecord) => void push(change);
      entry.listeners.add(listener);
      if (seenVersion < currentVersion) {
        const missed = await this.readChange(tableId, currentVersion).catch(() => null);
        if (missed) void push(missed);
      }
      await stop;
      entry.listeners.delete(listener);
      if (entry.listeners.size === 0) this.watched.delete(tableId);
    }, new SlidingBuffer(KEPT_PER_SUBSCRIBER));
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.databaseUrl, connectionTimeoutMillis: 5000 });
    client.on('notification', (message) => {
      if (message.channel === TABLE_CHANGED_CHANNEL) void this.received(message.payload);
    });
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, null));
    try {
      await client.connect();
      await client.query(`LISTEN ${TABLE_CHANGED_CHANNEL}`);
    } catch (error) {
      this.lost(client, error as Error);
      return;
    }
    if (this.closed) {
      await client.end().catch(() => undefined);
      return;
    }
    const reconnected = this.everListened;
    this.client = client;
    this.everListened = true;
    this.reconnectDelay = RECONNECT_FIRST_MS;
    if (reconnected) {
      this.log.info('listening to table changes again');
      await this.catchUp();
    }
  }

  private lost(client: pg.Client, error: Error | null): void {
    // Each client is given up once: its later 'error' and 'end' events must not start a second reconnection.
    client.removeAllListeners();
    client.on('error', () => undefined);
    client.end().catch(() => undefined);
    if (this.client === client) this.client = null;
    if (this.closed || this.reconnectTimer) return;
    this.log.warn({ err: error ?? undefined, retryInMs: this.reconnectDelay }, 'lost the connection listening to table changes; reconnecting');
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      void this.connect();
    }, this.reconnectDelay);
    this.reconnectDelay = Math.min(this.reconnectDelay * 2, RECONNECT_MAX_MS);
  }

  /** Notices sent while the connection was down are lost: tell subscribers of the newest version each table reached meanwhile. */
  private async catchUp(): Promise<void> {
    try {
      const versions = await this.currentVersions([...this.watched.keys()]);
      await Promise.all([...versions].map(([tableId, version]) => this.deliver(tableId, version)));
    } catch (error) {
      this.log.warn({ err: error }, 'cannot catch up on table changes');
    }
  }

  private async received(payload: string | undefined): Promise<void> {
    let notice: { tableId?: unknown; version?: unknown };
    try {
      notice = JSON.parse(payload ?? '');
    } catch {
      this.log.warn({ payload }, 'ignoring a malformed table-change notice');
      return;
    }
    if (!Number.isInteger(notice.tableId) || !Number.isInteger(notice.version)) return;
    try {
      await this.deliver(notice.tableId as number, notice.version as number);
    } catch (error) {
      this.log.warn({ err: error, notice }, 'cannot read a table change');
    }
  }

  /** Reads the change once and hands it to every subscriber of the table on this instance. */
  private async deliver(tableId: number, version: number): Promise<void> {
    const entry = this.watched.get(tableId);
    if (!entry || version <= entry.version) return;
    entry.version = version;
    const change = await this.readChange(tableId, version);
    if (!change) return;
    for (const listener of this.watched.get(tableId)?.listeners ?? []) listener(change);
  }
}
