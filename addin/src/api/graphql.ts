/**
 * The GraphQL client of the pane: fetch with a bearer token, a time limit, bilingual errors, and pushes
 * retried with the same idempotency key after a network failure (the server answers a replay with the
 * first answer, so a retried push is never applied twice).
 */
import type { Rule } from '../../../domain/rules';
import { PROGRESS_QUERY } from '../../../domain/indicators/progress-entry';
import type { ReportQuery } from '../../../domain/indicators/report-query';
import type { CellChangeInput, PlanInfo, ProgressEntry, PushResult, TableGrid } from './types';

export class ApiError extends Error {
  constructor(
    readonly code: string,
    readonly messageVi: string,
    readonly messageEn: string,
    /** The request may not have reached the server (or its answer was lost): safe to retry. */
    readonly network: boolean,
    readonly status?: number,
  ) {
    super(messageEn);
  }
}

export interface UnitOption {
  id: string;
  name: string;
  code: string;
  level: string;
  validFrom: string;
  validTo: string | null;
}

export interface UnitMatch extends UnitOption {
  parent: { name: string } | null;
}

export interface IndicatorOption {
  key: string;
  name: string;
  nameEn: string;
  unit: string;
}

export interface PlanOption {
  id: string;
  documentNumber: string;
  title: string;
  issuedOn: string | null;
  tables: { id: string; title: string; caption: string; unitOfMeasure: string; version: number }[];
}

type Fetch = typeof fetch;

const GRID_BASE = `tableId title caption planId documentNumber unitOfMeasure version latestVersion contentHash editable
  notEditableReasonVi notEditableReasonEn
  columns { key label publishedNumber type scale editable }
  rows { key publishedNumber label level parentKey kind editable computed values }`;
/** Fields newer servers add: the template's rules (local validation) and the approval status. */
const GRID_EXTRA = 'rules status';

const FINDING_FIELDS = `ruleId ruleKind severity messageVi messageEn expected found difference preExisting
  cells { rowKey columnKey rowNumber rowLabel columnLabel value derived } suggestion { rowKey columnKey value }`;

export const PUSH_MUTATION = `mutation PlanBridgePush($input: PushTableInput!) {
  pushTable(input: $input) {
    status version contentHash changeSetId appliedCells replayed messageVi messageEn
    findings { ${FINDING_FIELDS} }
    conflicts { rowKey columnKey rowNumber rowLabel columnLabel base theirs mine }
  }
}`;

/** A signed-in session (from the sign-in dialog) or a personal access token (accessToken only). */
export interface Session {
  accessToken: string;
  accessTokenExpiresAt?: string | null;
  refreshToken?: string | null;
  refreshTokenExpiresAt?: string | null;
  user?: { login: string; displayName: string } | null;
}

export interface SessionHolder {
  get(): Session | null;
  set(session: Session | null): void;
}

export interface ClientOptions {
  serverUrl: string;
  session?: SessionHolder;
  fetch?: Fetch;
  timeoutMs?: number;
  retries?: number;
  retryDelayMs?: number;
}

export class PlanBridgeClient {
  private extraFields = true;

  constructor(private readonly options: ClientOptions) {}

  get serverUrl(): string {
    return this.options.serverUrl.replace(/\/+$/, '');
  }

  get endpoint(): string {
    return `${this.serverUrl}/graphql`;
  }

  /** The session's access token, refreshed first when it is about to expire; null when signed out. */
  async accessToken(): Promise<string | null> {
    const session = this.options.session?.get() ?? null;
    if (session?.refreshToken && session.accessTokenExpiresAt && Date.parse(session.accessTokenExpiresAt) < Date.now() + 30_000) await this.refresh(session);
    return this.options.session?.get()?.accessToken ?? null;
  }

  /** A request with the session's token; an expired session is refreshed once with its refresh token. */
  async request<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    await this.accessToken();
    try {
      return await this.send<T>(query, variables);
    } catch (error) {
      const current = this.options.session?.get() ?? null;
      if (error instanceof ApiError && error.code === 'UNAUTHENTICATED' && current?.refreshToken && (await this.refresh(current))) return this.send<T>(query, variables);
      throw error;
    }
  }

  private async refresh(session: Session): Promise<boolean> {
    try {
      const data = await this.send<{ refreshSession: Session }>(
        `mutation ($token: String!) { refreshSession(refreshToken: $token) { accessToken accessTokenExpiresAt refreshToken refreshTokenExpiresAt user { login displayName } } }`,
        { token: session.refreshToken },
        true,
      );
      this.options.session?.set(data.refreshSession);
      return true;
    } catch {
      return false;
    }
  }

  private async send<T>(query: string, variables: Record<string, unknown>, anonymous = false): Promise<T> {
    const token = anonymous ? null : this.options.session?.get()?.accessToken ?? null;
    const controller = typeof AbortController === 'undefined' ? null : new AbortController();
    const timer = controller ? setTimeout(() => controller.abort(), this.options.timeoutMs ?? 120_000) : null;
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    let response: Response;
    try {
      response = await (this.options.fetch ?? fetch)(this.endpoint, { method: 'POST', headers, body: JSON.stringify({ query, variables }), signal: controller?.signal });
    } catch (error) {
      throw new ApiError('NETWORK', `Không kết nối được máy chủ ${this.serverUrl} (${String((error as Error)?.message ?? error)})`, `Cannot reach the server ${this.serverUrl} (${String((error as Error)?.message ?? error)})`, true);
    } finally {
      if (timer) clearTimeout(timer);
    }
    let body: { data?: T; errors?: { message: string; extensions?: Record<string, any> }[] };
    try {
      body = await response.json();
    } catch {
      throw new ApiError('BAD_RESPONSE', `Máy chủ trả lời không hợp lệ (HTTP ${response.status})`, `The server answered with something that is not GraphQL (HTTP ${response.status})`, response.status >= 500, response.status);
    }
    if (body.errors && body.errors.length > 0) {
      const first = body.errors[0];
      const ext = first.extensions ?? {};
      throw new ApiError(String(ext.code ?? 'ERROR'), String(ext.messageVi ?? first.message), String(ext.messageEn ?? first.message), false, response.status);
    }
    if (!response.ok || !body.data) throw new ApiError('HTTP', `Lỗi máy chủ (HTTP ${response.status})`, `Server error (HTTP ${response.status})`, response.status >= 500, response.status);
    return body.data;
  }

  async provinces(): Promise<UnitOption[]> {
    const data = await this.request<{ units: UnitOption[] }>(`{ units(level: PROVINCE) { id name code level validFrom validTo } }`);
    return data.units;
  }

  /** Units whose name or code matches, each with its parent (namesakes are many). */
  async searchUnits(query: string): Promise<UnitMatch[]> {
    const data = await this.request<{ searchUnits: UnitMatch[] }>(
      `query ($query: String!) { searchUnits(query: $query, limit: 30) { id name code level validFrom validTo parent { name } } }`,
      { query },
    );
    return data.searchUnits;
  }

  async childUnits(unitId: string): Promise<UnitOption[]> {
    const data = await this.request<{ unit: { children: UnitOption[] } }>(`query ($id: ID!) { unit(id: $id) { children(asOf: "*") { id name code level validFrom validTo } } }`, { id: unitId });
    return data.unit.children;
  }

  async plans(unitId: string): Promise<PlanOption[]> {
    const data = await this.request<{ plans: PlanOption[] }>(
      `query ($unit: ID) { plans(issuingUnitId: $unit) { id documentNumber title issuedOn tables { id title caption unitOfMeasure version } } }`,
      { unit: unitId },
    );
    return data.plans;
  }

  async indicators(): Promise<IndicatorOption[]> {
    const data = await this.request<{ indicators: IndicatorOption[] }>(`{ indicators { key name nameEn unit } }`);
    return data.indicators;
  }

  async indicatorProgress(query: ReportQuery): Promise<ProgressEntry[]> {
    const data = await this.request<{ indicatorProgress: ProgressEntry[] }>(PROGRESS_QUERY, {
      unit: query.unitId,
      keys: query.indicatorKeys,
      asOf: query.asOf,
      from: query.from,
      to: query.to,
      breakdown: query.breakdown,
    });
    return data.indicatorProgress;
  }

  async me(): Promise<{ login: string; displayName: string } | null> {
    const data = await this.request<{ me: { login: string; displayName: string } | null }>(`{ me { login displayName } }`);
    return data.me;
  }

  async grid(tableId: string, version?: number): Promise<TableGrid & { plan?: PlanInfo }> {
    const query = (extra: string) => `query ($id: ID!, $version: Int) {
        tableGrid(tableId: $id, version: $version) { ${GRID_BASE} ${extra} }
        planTable(id: $id) { plan { title issuingUnit { name } } }
      }`;
    type Answer = { tableGrid: TableGrid & { rules?: unknown }; planTable: { plan: { title: string; issuingUnit: { name: string } | null } } };
    let data: Answer;
    try {
      data = await this.request<Answer>(query(this.extraFields ? GRID_EXTRA : ''), { id: tableId, version: version ?? null });
    } catch (error) {
      // An older server without rules/status: ask again without them (local checks then parse only).
      if (!(this.extraFields && error instanceof ApiError && /Cannot query field/.test(error.messageEn))) throw error;
      this.extraFields = false;
      data = await this.request<Answer>(query(''), { id: tableId, version: version ?? null });
    }
    const grid = data.tableGrid;
    const rules = Array.isArray(grid.rules) ? (grid.rules as Rule[]) : null;
    return { ...grid, rules, plan: { title: data.planTable.plan.title, issuingUnitName: data.planTable.plan.issuingUnit?.name ?? null } };
  }

  /** A short-lived signed address (no token in it) of the table's current version as an .xlsx file. */
  async workbookLink(tableId: string): Promise<{ path: string; fileName: string }> {
    const data = await this.request<{ tableWorkbook: { path: string; fileName: string } }>(`query ($id: ID!) { tableWorkbook(tableId: $id) { path fileName } }`, { id: tableId });
    return data.tableWorkbook;
  }

  async submit(tableId: string, comment: string | null): Promise<string> {
    const data = await this.request<{ submitTable: { status: string } }>(`mutation ($id: ID!, $comment: String) { submitTable(tableId: $id, comment: $comment) { status } }`, { id: tableId, comment });
    return data.submitTable.status;
  }

  async approve(tableId: string, comment: string | null): Promise<string> {
    const data = await this.request<{ approveTable: { status: string } }>(`mutation ($id: ID!, $comment: String) { approveTable(tableId: $id, comment: $comment) { status } }`, { id: tableId, comment });
    return data.approveTable.status;
  }

  /**
   * One push. A network failure is retried with the SAME idempotency key and body; the server then
   * either applies it once or replays its first answer.
   */
  async push(input: { tableId: string; baseVersion: number; idempotencyKey: string; comment?: string | null; changes: CellChangeInput[] }): Promise<PushResult> {
    const attempts = 1 + (this.options.retries ?? 2);
    let last: unknown;
    for (let attempt = 0; attempt < attempts; attempt++) {
      try {
        const data = await this.request<{ pushTable: PushResult }>(PUSH_MUTATION, { input });
        return data.pushTable;
      } catch (error) {
        last = error;
        if (!(error instanceof ApiError) || !error.network || attempt === attempts - 1) throw error;
        await new Promise((resolve) => setTimeout(resolve, (this.options.retryDelayMs ?? 500) * (attempt + 1)));
      }
    }
    throw last;
  }
}
