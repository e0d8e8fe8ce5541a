/**
 * Where the pane keeps the access token: the add-in's own browser storage (localStorage), keyed by server and
 * workbook — never in the workbook file. Office partitions that storage by add-in and host page on the web and
 * Mac and gives the key as Office.context.partitionKey; on Windows it is undefined and the storage is shared,
 * so every key carries the partition key where there is one.
 */
import type { Session } from './graphql';

export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export class MemoryStorage implements KeyValueStorage {
  private readonly data = new Map<string, string>();
  getItem(key: string): string | null {
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.data.set(key, value);
  }
  removeItem(key: string): void {
    this.data.delete(key);
  }
}

/** The pane's storage with every key prefixed by Office's partition key, when Office gives one. */
export class PartitionedStorage implements KeyValueStorage {
  private readonly prefix: string;

  constructor(
    private readonly storage: KeyValueStorage,
    partitionKey: string | undefined,
  ) {
    this.prefix = partitionKey ? `${partitionKey}:` : '';
  }

  getItem(key: string): string | null {
    return this.storage.getItem(this.prefix + key);
  }

  setItem(key: string, value: string): void {
    this.storage.setItem(this.prefix + key, value);
  }

  removeItem(key: string): void {
    this.storage.removeItem(this.prefix + key);
  }
}

export function sessionKey(serverUrl: string, workbookId: string): string {
  return `planbridge:session:${serverUrl.replace(/\/+$/, '')}:${workbookId}`;
}

export class SessionStore {
  private current: Session | null = null;

  constructor(
    private readonly storage: KeyValueStorage,
    private key: string,
  ) {
    this.current = this.read();
  }

  use(key: string): void {
    this.key = key;
    this.current = this.read();
  }

  private read(): Session | null {
    try {
      const raw = this.storage.getItem(this.key);
      if (!raw) return null;
      const session = JSON.parse(raw) as Session;
      return typeof session.accessToken === 'string' && session.accessToken !== '' ? session : null;
    } catch {
      return null;
    }
  }

  get(): Session | null {
    return this.current;
  }

  set(session: Session | null): void {
    this.current = session;
    if (session) this.storage.setItem(this.key, JSON.stringify(session));
    else this.storage.removeItem(this.key);
  }
}

/** The message the sign-in page sends with messageParent, or a bare token. */
export function sessionFromDialogMessage(message: string): Session | null {
  const text = message.trim();
  if (text === '') return null;
  try {
    const parsed = JSON.parse(text) as { type?: string; session?: Session; token?: string; accessToken?: string };
    if (parsed && parsed.type === 'planbridge-session' && parsed.session?.accessToken) return parsed.session;
    if (parsed && typeof parsed.accessToken === 'string') return parsed as Session;
    if (parsed && typeof parsed.token === 'string') return { accessToken: parsed.token };
    return null;
  } catch {
    return /^[\w.~+/=-]{8,}$/.test(text) ? { accessToken: text } : null;
  }
}
