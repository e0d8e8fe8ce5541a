/**
 * What was pulled, kept inside the workbook as Office custom XML parts (ExcelApi 1.5):
 *  - they travel with the file (desktop, web, e-mailed copies) and survive closing and reopening it;
 *  - staff never see or edit them by accident, unlike a hidden sheet (which can be unhidden, sorted,
 *    retyped) — and unlike document settings they have no 2 MB cap;
 *  - no token or secret is ever stored here.
 * One small "binding" part per bound sheet (table id, version, data part ids, marks, pending push) and
 * the snapshot itself (keys, labels, pulled values) split into data parts of bounded size, written and
 * read in batches under the payload budget. A new snapshot is written before the old one is removed,
 * so an interrupted save leaves the previous binding intact.
 */
import { DEFAULT_CHUNK_BYTES, jsonBytes, packBySize, splitText } from '../../../domain/sheet/chunks';
import { partXml, readPartXml } from '../excel/custom-xml-parts';
import type { WorkbookGateway } from '../excel/gateway';
import type { PulledTable, SheetBindingState } from './pulled-table';

export const BINDING_NS = 'urn:planbridge:binding:1';
export const DATA_NS = 'urn:planbridge:snapshot:1';

export interface BindingSummary {
  sheetName: string;
  tableId: string;
  title: string;
  documentNumber: string;
  version: number;
  serverUrl: string;
  pulledAt: string;
}

export interface Binding {
  partId: string;
  sheetId: string;
  generation: number;
  dataParts: string[];
  summary: BindingSummary;
  state: SheetBindingState;
  /** The tag the pull gave the sheet (excel/sheet-tag.ts); null for bindings written before tags existed. */
  sheetTag: string | null;
}

export class SnapshotStore {
  constructor(
    private readonly gateway: WorkbookGateway,
    private readonly options: { partChars?: number; batchBytes?: number } = {},
  ) {}

  private get partChars(): number {
    return this.options.partChars ?? 256 * 1024;
  }

  private get batchBytes(): number {
    return this.options.batchBytes ?? DEFAULT_CHUNK_BYTES;
  }

  /** Every bound sheet; when a save was interrupted the newest generation wins and older ones are ignored. */
  async bindings(): Promise<Binding[]> {
    const parts = await this.gateway.readParts(BINDING_NS);
    const newest = new Map<string, Binding>();
    for (const part of parts) {
      try {
        const { attributes, body } = readPartXml(part.xml);
        const data = JSON.parse(body) as Omit<Binding, 'partId'>;
        const binding: Binding = { ...data, partId: part.id, sheetId: attributes.sheet ?? data.sheetId, generation: Number(attributes.generation ?? data.generation ?? 0), sheetTag: data.sheetTag ?? null };
        const seen = newest.get(binding.sheetId);
        if (!seen || seen.generation < binding.generation) newest.set(binding.sheetId, binding);
      } catch {
        // a part we cannot read is not ours to interpret; it is left alone
      }
    }
    return [...newest.values()];
  }

  async bindingFor(sheetId: string): Promise<Binding | null> {
    return (await this.bindings()).find((binding) => binding.sheetId === sheetId) ?? null;
  }

  async load(binding: Binding): Promise<PulledTable> {
    const pieces = new Map<string, string>();
    // Read the data parts in batches: each response stays under the payload budget.
    const perBatch = Math.max(1, Math.floor(this.batchBytes / (this.partChars * 1.2)));
    for (let i = 0; i < binding.dataParts.length; i += perBatch) {
      const ids = binding.dataParts.slice(i, i + perBatch);
      for (const part of await this.gateway.readParts(DATA_NS, ids)) pieces.set(part.id, readPartXml(part.xml).body);
    }
    const missing = binding.dataParts.filter((id) => !pieces.has(id));
    if (missing.length > 0) throw new Error(`The stored snapshot of sheet "${binding.summary.sheetName}" is incomplete (${missing.length} part(s) missing)`);
    return JSON.parse(binding.dataParts.map((id) => pieces.get(id)!).join('')) as PulledTable;
  }

  /** Writes a new snapshot for a sheet and then removes the previous one; the sheet keeps its tag unless given a new one. */
  async save(table: PulledTable, state: SheetBindingState, previous: Binding | null, sheetTag = previous?.sheetTag ?? null): Promise<Binding> {
    const json = JSON.stringify(table);
    const chunks = splitText(json, this.partChars);
    const xmls = chunks.map((chunk, index) => partXml('snapshot', DATA_NS, { sheet: table.sheetId, seq: String(index) }, chunk));
    const dataParts: string[] = [];
    for (const batch of packBySize(xmls, (xml) => jsonBytes(xml), this.batchBytes, 64)) {
      dataParts.push(...(await this.gateway.writeParts(batch, [])));
    }
    const binding = await this.writeBinding(
      {
        sheetId: table.sheetId,
        generation: (previous?.generation ?? 0) + 1,
        dataParts,
        summary: {
          sheetName: table.sheetName,
          tableId: table.tableId,
          title: table.title,
          documentNumber: table.documentNumber,
          version: table.version,
          serverUrl: table.serverUrl,
          pulledAt: table.pulledAt,
        },
        state,
        sheetTag,
      },
      previous ? [previous.partId, ...previous.dataParts] : [],
    );
    return binding;
  }

  /** Rewrites only the small binding part (marks, pending push, sheet name). */
  async saveState(binding: Binding, state: SheetBindingState, summary: Partial<BindingSummary> = {}): Promise<Binding> {
    return this.writeBinding({ ...binding, generation: binding.generation + 1, state, summary: { ...binding.summary, ...summary } }, [binding.partId]);
  }

  async remove(binding: Binding): Promise<void> {
    await this.gateway.writeParts([], [binding.partId, ...binding.dataParts]);
  }

  private async writeBinding(binding: Omit<Binding, 'partId'>, remove: string[]): Promise<Binding> {
    const body = JSON.stringify({ sheetId: binding.sheetId, generation: binding.generation, dataParts: binding.dataParts, summary: binding.summary, state: binding.state, sheetTag: binding.sheetTag });
    const xml = partXml('binding', BINDING_NS, { sheet: binding.sheetId, generation: String(binding.generation) }, body);
    // Removing many old data parts is cheap (ids only); one request.
    const [partId] = await this.gateway.writeParts([xml], remove);
    return { ...binding, partId };
  }
}
