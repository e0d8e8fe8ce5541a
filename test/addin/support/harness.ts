/** The add-in's code over an in-memory workbook, talking to the real server of a test database. */
import { PlanBridgeClient, type Session } from '../../../addin/src/api/graphql';
import { IndicatorReports } from '../../../addin/src/report/report-sync';
import { SheetSync } from '../../../addin/src/table-sync/sheet-sync';
import type { Lang } from '../../../addin/src/api/types';
import { MemoryBook, MemoryWorkbookGateway } from './memory-book';

export interface Harness {
  book: MemoryBook;
  gateway: MemoryWorkbookGateway;
  client: PlanBridgeClient;
  sync: SheetSync;
  reports: IndicatorReports;
}

export function serverOf(graphqlUrl: string): string {
  return graphqlUrl.replace(/\/graphql$/, '');
}

/** A client whose grid() forgets the rules: the server alone validates (to exercise REJECTED). */
export class NoRulesClient extends PlanBridgeClient {
  override async grid(tableId: string, version?: number): ReturnType<PlanBridgeClient['grid']> {
    return { ...(await super.grid(tableId, version)), rules: null };
  }
}

export function harness(serverUrl: string, token: string | null, options: { book?: MemoryBook; lang?: Lang; client?: PlanBridgeClient; chunkBytes?: number; fetch?: typeof fetch } = {}): Harness {
  const book = options.book ?? new MemoryBook();
  const gateway = new MemoryWorkbookGateway(book);
  let session: Session | null = token ? { accessToken: token } : null;
  const client = options.client ?? new PlanBridgeClient({ serverUrl, session: { get: () => session, set: (next) => (session = next) }, fetch: options.fetch, retryDelayMs: 10 });
  let keys = 0;
  const sync = new SheetSync(gateway, () => client, { lang: () => options.lang ?? 'vi', chunkBytes: options.chunkBytes, newKey: () => `test-key-${Date.now()}-${++keys}` });
  const reports = new IndicatorReports(gateway, () => client, { lang: () => options.lang ?? 'vi', chunkBytes: options.chunkBytes });
  return { book, gateway, client, sync, reports };
}

export function sessionFor(token: string) {
  let session: Session | null = { accessToken: token };
  return { get: () => session, set: (next: Session | null) => (session = next) };
}
