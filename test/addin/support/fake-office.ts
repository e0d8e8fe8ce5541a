/**
 * A fake of the Office.js surface the add-in uses (Excel.run, proxy objects with load/sync, Office.onReady,
 * requirements, dialogs), backed by a MemoryBook. Commands are queued and run at context.sync(), as in
 * Office; reading a property that was not loaded and synced throws, as in Office; each sync's request and
 * response sizes are measured, and a sync over Excel on the web's 5 MB limit fails like Excel on the web.
 * Used by the benchmark (Node) and, bundled, as the page's office.js in the browser test.
 */
import { jsonBytes, EXCEL_WEB_PAYLOAD_LIMIT } from '../../../domain/sheet/chunks';
import type { CellInput } from '../../../addin/src/excel/gateway';
import { MemoryBook, type MemorySheet, OfficeError } from './memory-book';
import { parseCell } from '../../../domain/sheet/a1';

type Action = { bytes: number; run: () => unknown };

class NotLoaded extends Error {
  constructor(property: string) {
    super(`PropertyNotLoaded: the property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`);
  }
}

export class FakeContext {
  private queue: Action[] = [];
  readonly workbook: FakeWorkbook;
  readonly application: FakeLoadable & { cultureInfo: { numberFormat: FakeLoadable } };

  constructor(readonly book: MemoryBook) {
    this.workbook = new FakeWorkbook(this);
    const numberFormat = new FakeLoadable(this, () => ({ numberGroupSeparator: book.systemSeparators.group, numberDecimalSeparator: book.systemSeparators.decimal }));
    const separators = () => book.excelSeparators ?? book.systemSeparators;
    const application = new FakeLoadable(this, () => ({ decimalSeparator: separators().decimal, thousandsSeparator: separators().group, useSystemSeparators: book.excelSeparators === null })) as FakeLoadable & { cultureInfo: unknown };
    application.cultureInfo = { numberFormat };
    this.application = application as unknown as FakeContext['application'];
  }

  enqueue(bytes: number, run: () => unknown): void {
    this.queue.push({ bytes, run });
  }

  async sync(): Promise<void> {
    const actions = this.queue;
    this.queue = [];
    const stats = this.book.stats;
    stats.syncs += 1;
    const request = actions.reduce((sum, action) => sum + action.bytes, 0) + 200;
    if (request > EXCEL_WEB_PAYLOAD_LIMIT) throw new Error(`RequestPayloadSizeLimitExceeded: ${request} bytes`);
    let response = 100;
    const started = performance.now();
    for (const action of actions) {
      const result = action.run();
      if (typeof result === 'number') response += result;
    }
    stats.officeMs = (stats.officeMs ?? 0) + performance.now() - started;
    if (response > EXCEL_WEB_PAYLOAD_LIMIT) throw new Error(`ResponsePayloadSizeLimitExceeded: ${response} bytes`);
    stats.maxRequestBytes = Math.max(stats.maxRequestBytes, request);
    stats.maxResponseBytes = Math.max(stats.maxResponseBytes, response);
    stats.totalRequestBytes += request;
    await Promise.resolve();
  }

  get pending(): number {
    return this.queue.length;
  }
}

/** An object whose properties are read from the book at sync time, after load(). */
class FakeLoadable {
  protected loaded: Record<string, unknown> | null = null;
  isNullObject = false;

  constructor(
    protected readonly context: FakeContext,
    private readonly snapshot: () => Record<string, unknown> | null,
  ) {
    return new Proxy(this, {
      get: (target, property, receiver) => {
        if (typeof property === 'string' && !(property in target) && property !== 'then') {
          if (!target.loaded) throw new NotLoaded(property);
          if (!(property in target.loaded)) throw new NotLoaded(property);
          return target.loaded[property];
        }
        return Reflect.get(target, property, receiver);
      },
    });
  }

  load(_props?: unknown): this {
    this.context.enqueue(64, () => {
      const data = this.snapshot();
      if (data === null) {
        this.isNullObject = true;
        this.loaded = {};
        return 16;
      }
      this.loaded = data;
      return jsonBytes(data);
    });
    return this;
  }
}

class FakeWorkbook {
  readonly worksheets: FakeWorksheets;
  readonly customXmlParts: FakeCustomXmlParts;

  constructor(readonly context: FakeContext) {
    this.worksheets = new FakeWorksheets(context);
    this.customXmlParts = new FakeCustomXmlParts(context);
  }

  /** As in Excel, the selection is on the active sheet (A1 until something is selected there). */
  getSelectedRange(): FakeRange {
    const book = this.context.book;
    const sheet = () => book.sheet(book.activeSheetId!);
    return new FakeRange(this.context, sheet, () => (book.selection?.sheetId === book.activeSheetId ? book.selection!.address : 'A1'));
  }
}

class FakeWorksheets {
  items: FakeWorksheet[] = [];

  constructor(private readonly context: FakeContext) {}

  load(_props?: unknown): void {
    this.context.enqueue(64, () => {
      this.items = this.context.book.sheets.map((sheet) => {
        const proxy = new FakeWorksheet(this.context, () => sheet);
        proxy.fill();
        return proxy;
      });
      return jsonBytes(this.items.map((item) => ({ id: item.id, name: item.name })));
    });
  }

  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.context.book.sheet(key));
  }

  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.context.book.sheet(this.context.book.activeSheetId!));
  }

  add(name: string): FakeWorksheet {
    let created: MemorySheet | null = null;
    this.context.enqueue(64 + name.length, () => {
      created = this.context.book.addSheet(name);
    });
    return new FakeWorksheet(this.context, () => {
      if (!created) throw new Error('sheet not created yet');
      return created;
    });
  }
}

class FakeProtection {
  private state: { protected: boolean; options: unknown } | null = null;

  constructor(
    private readonly context: FakeContext,
    private readonly sheet: () => MemorySheet,
  ) {}

  get protected(): boolean {
    if (!this.state) throw new NotLoaded('protected');
    return this.state.protected;
  }

  get options(): unknown {
    if (!this.state) throw new NotLoaded('options');
    return this.state.options;
  }

  fill(): void {
    const sheet = this.sheet();
    this.state = { protected: sheet.protected, options: sheet.protectionOptions && { ...sheet.protectionOptions } };
  }

  load(_props?: unknown): void {
    this.context.enqueue(48, () => {
      this.fill();
      return 16;
    });
  }

  protect(options: Record<string, unknown>): void {
    this.context.enqueue(jsonBytes(options) + 48, () =>
      this.context.book.protect(this.sheet(), {
        allowFormatColumns: Boolean(options.allowFormatColumns),
        allowFormatRows: Boolean(options.allowFormatRows),
        allowFormatCells: Boolean(options.allowFormatCells),
        allowEditObjects: Boolean(options.allowEditObjects),
      }),
    );
  }

  unprotect(): void {
    this.context.enqueue(48, () => this.context.book.unprotect(this.sheet()));
  }
}

/** sheet.charts: add a clustered column chart (title and position set before the sync), list and delete. */
class FakeCharts {
  items: { delete: () => void }[] = [];

  constructor(
    private readonly context: FakeContext,
    private readonly sheet: () => MemorySheet,
  ) {}

  add(type: string, source: FakeRange, seriesBy: string): { title: { text: string }; setPosition: (start: string, end: string) => void } {
    if (type !== 'ColumnClustered' || seriesBy !== 'Columns') throw new Error(`InvalidArgument: the fake draws clustered columns by columns only, not ${type}/${seriesBy}`);
    const chart = { title: { text: '' }, position: '', setPosition: (start: string, end: string) => (chart.position = `${start}:${end}`) };
    this.context.enqueue(128, () => this.context.book.applyOp(this.sheet(), { kind: 'columnChart', address: source.a1(), title: chart.title.text, position: chart.position }));
    return chart;
  }

  load(_props?: unknown): void {
    this.context.enqueue(64, () => {
      this.items = this.sheet().charts.map((chart) => ({
        delete: () => this.context.enqueue(48, () => (this.sheet().charts = this.sheet().charts.filter((other) => other !== chart))),
      }));
      return 48 * this.items.length;
    });
  }
}

class FakeWorksheet {
  private info: { id: string; name: string; position: number } | null = null;
  readonly protection: FakeProtection;
  readonly notes: FakeNotes;
  readonly charts: FakeCharts;
  readonly names: FakeNames;

  constructor(
    private readonly context: FakeContext,
    readonly resolve: () => MemorySheet,
  ) {
    this.protection = new FakeProtection(context, resolve);
    this.notes = new FakeNotes(context, resolve);
    this.charts = new FakeCharts(context, resolve);
    this.names = new FakeNames(context, resolve);
  }

  fill(): void {
    const sheet = this.resolve();
    this.info = { id: sheet.id, name: sheet.name, position: this.context.book.sheets.indexOf(sheet) };
    this.protection.fill();
  }

  private get loaded() {
    if (!this.info) throw new NotLoaded('id');
    return this.info;
  }

  get id(): string {
    return this.loaded.id;
  }

  get name(): string {
    return this.loaded.name;
  }

  get position(): number {
    return this.loaded.position;
  }

  load(_props?: unknown): void {
    this.context.enqueue(64, () => {
      this.fill();
      return 96;
    });
  }

  activate(): void {
    this.context.enqueue(32, () => {
      this.context.book.activeSheetId = this.resolve().id;
    });
  }

  getRange(address: string): FakeRange {
    return new FakeRange(this.context, this.resolve, address);
  }

  getUsedRangeOrNullObject(_valuesOnly?: boolean): FakeRange {
    const range = new FakeRange(this.context, this.resolve, () => this.context.book.usedRange(this.resolve()));
    return range;
  }
}

class FakeRangeFormat {
  readonly fill: { color: string; clear: () => void };
  readonly font: Record<string, unknown>;
  readonly protection: { locked: boolean; load?: () => void };

  constructor(range: FakeRange) {
    this.fill = {
      set color(value: string) {
        range.op({ kind: 'fill', address: range.a1(), color: value });
      },
      get color(): string {
        throw new NotLoaded('color');
      },
      clear: () => range.op({ kind: 'fill', address: range.a1(), color: null }),
    };
    const font: Record<string, unknown> = {};
    for (const name of ['bold', 'italic', 'color', 'size'] as const) {
      Object.defineProperty(font, name, {
        set: (value: unknown) => range.op({ kind: 'font', address: range.a1(), font: { [name]: value } }),
        get: () => {
          throw new NotLoaded(name);
        },
      });
    }
    this.font = font;
    let lock: { value: boolean | null } | null = null;
    this.protection = {
      set locked(value: boolean) {
        range.op({ kind: 'locked', address: range.a1(), locked: value });
      },
      get locked(): boolean {
        if (!lock) throw new NotLoaded('locked');
        return lock.value as boolean;
      },
      load: () => range.enqueueRead(() => (lock = { value: range.lockState() })),
    } as { locked: boolean; load: () => void };
  }
}

class FakeRange {
  private data: Record<string, unknown> | null = null;
  isNullObject = false;
  readonly format: FakeRangeFormat & { indentLevel: number; wrapText: boolean; columnWidth: number };
  readonly dataValidation: { prompt: unknown; clear: () => void };
  readonly conditionalFormats: { add: (type: string) => { textComparison: { format: { fill: { color: string } }; rule: { operator: string; text: string } | null } }; clearAll: () => void };

  constructor(
    private readonly context: FakeContext,
    private readonly sheet: () => MemorySheet,
    private readonly target: string | (() => string | null),
  ) {
    const format = new FakeRangeFormat(this) as FakeRangeFormat & { indentLevel: number; wrapText: boolean; columnWidth: number };
    Object.defineProperty(format, 'indentLevel', { set: (level: number) => this.op({ kind: 'indent', address: this.a1(), level }) });
    Object.defineProperty(format, 'wrapText', { set: (wrap: boolean) => this.op({ kind: 'wrap', address: this.a1(), wrap }) });
    Object.defineProperty(format, 'columnWidth', {
      set: (width: number) => {
        const letters = this.a1().split(':').map((part) => part.replace(/\d+/g, ''));
        this.op({ kind: 'columnWidth', address: `${letters[0]}:${letters[letters.length - 1]}`, width });
      },
    });
    this.format = format;
    const range = this;
    this.dataValidation = {
      set prompt(value: unknown) {
        const prompt = value as { message: string };
        range.op({ kind: 'note', address: range.a1(), text: prompt.message });
      },
      get prompt(): unknown {
        throw new NotLoaded('prompt');
      },
      clear: () => range.op({ kind: 'note', address: range.a1(), text: null }),
    };
    this.conditionalFormats = {
      // The rule and fill are set after add(), before the sync: the queued action reads them when it runs.
      add: (type: string) => {
        if (type !== 'ContainsText') throw new Error(`InvalidArgument: the fake knows text conditional formats only, not ${type}`);
        const format = { textComparison: { format: { fill: { color: '' } }, rule: null as { operator: string; text: string } | null } };
        this.context.enqueue(128, () => {
          const { rule, format: look } = format.textComparison;
          if (rule?.operator !== 'Contains') throw new Error('InvalidArgument: a text rule "Contains" is required');
          this.context.book.applyOp(this.sheet(), { kind: 'conditionalFill', address: this.a1(), text: rule.text, color: look.fill.color });
        });
        return format;
      },
      clearAll: () => this.op({ kind: 'clearConditionalFormats', address: this.a1() }),
    };
  }

  private sheetProxy: FakeWorksheet | null = null;

  /** One proxy per range, as in Office.js: what is loaded on it stays readable. */
  get worksheet(): FakeWorksheet {
    this.sheetProxy ??= new FakeWorksheet(this.context, this.sheet);
    return this.sheetProxy;
  }

  a1(): string {
    const address = typeof this.target === 'function' ? this.target() : this.target;
    if (address === null) throw new Error('InvalidReference: null range');
    return address.replace(/^.*!/, '');
  }

  enqueueRead(read: () => void): void {
    this.context.enqueue(48, () => {
      read();
      return 16;
    });
  }

  lockState(): boolean | null {
    return this.context.book.lockState(this.sheet(), this.a1());
  }

  enqueueOp(bytes: number, op: import('../../../addin/src/excel/gateway').SheetOp, _apply?: unknown): void {
    this.context.enqueue(bytes, () => this.context.book.applyOp(this.sheet(), op));
  }

  op(op: import('../../../addin/src/excel/gateway').SheetOp): void {
    this.enqueueOp(64 + op.address.length + jsonBytes(op), op);
  }

  private grid(kind: 'values' | 'formulas', grid: CellInput[][]): void {
    this.context.enqueue(64 + jsonBytes(grid), () => this.context.book.write(this.sheet(), this.a1(), grid));
  }

  set values(grid: CellInput[][]) {
    this.grid('values', grid);
  }

  get values(): CellInput[][] {
    return this.loadedProp('values') as CellInput[][];
  }

  set formulas(grid: CellInput[][]) {
    this.grid('formulas', grid);
  }

  get formulas(): CellInput[][] {
    return this.loadedProp('formulas') as CellInput[][];
  }

  set numberFormat(grid: string[][]) {
    this.context.enqueue(64 + jsonBytes(grid), () => this.context.book.applyOp(this.sheet(), { kind: 'numberFormat', address: this.a1(), numberFormat: grid }));
  }

  get numberFormat(): string[][] {
    return this.loadedProp('numberFormat') as string[][];
  }

  get address(): string {
    return this.loadedProp('address') as string;
  }

  private loadedProp(name: string): unknown {
    if (!this.data || !(name in this.data)) throw new NotLoaded(name);
    return this.data[name];
  }

  load(props: string | string[]): void {
    const names = (Array.isArray(props) ? props : props.split(',')).map((name) => name.trim());
    this.context.enqueue(64, () => {
      const address = typeof this.target === 'function' ? this.target() : this.target;
      if (address === null) {
        this.isNullObject = true;
        this.data = {};
        return 16;
      }
      const sheet = this.sheet();
      const data: Record<string, unknown> = {};
      for (const name of names) {
        if (name === 'address') data.address = `${sheet.name}!${address.replace(/^.*!/, '')}`;
        else if (name === 'values' || name === 'formulas' || name === 'numberFormat') data[name] = this.context.book.read(sheet, address.replace(/^.*!/, ''), name);
      }
      this.data = data;
      return jsonBytes(data);
    });
  }

  clear(_applyTo?: string): void {
    this.op({ kind: 'clear', address: this.a1() });
  }

  unmerge(): void {
    this.context.enqueue(48, () => this.context.book.unmerge(this.sheet(), this.a1()));
  }

  select(): void {
    this.context.enqueue(48, () => {
      this.context.book.selection = { sheetId: this.sheet().id, address: this.a1() };
    });
  }

  /** Like Excel: null object when nothing is merged; more than 512 merged areas fail the request. */
  getMergedAreasOrNullObject(): FakeLoadable & { areas: { items: { address: string }[]; load: (props?: unknown) => void } } {
    const all = () => this.context.book.mergedIn(this.sheet(), this.a1());
    const quoted = () => `'${this.sheet().name.replace(/'/g, "''")}'`;
    const loadable = new FakeLoadable(this.context, () => {
      const areas = all();
      if (areas.length > 512) throw new OfficeError('GeneralException', 'too many merged areas');
      return areas.length === 0 ? null : { address: areas.map((area) => `${quoted()}!${area}`).join(','), areaCount: areas.length };
    }) as FakeLoadable & { areas: { items: { address: string }[]; load: (props?: unknown) => void } };
    const context = this.context;
    loadable.areas = {
      items: [],
      load(_props?: unknown) {
        context.enqueue(64, () => {
          loadable.areas.items = all().map((area) => ({ address: `${quoted()}!${area}` }));
          return 32 * loadable.areas.items.length;
        });
      },
    };
    return loadable;
  }
}

/** An item got with getItemOrNullObject: read from the book at sync time after load(); absent, it is a null object. */
abstract class FakeNullableItem<T extends object> {
  private data: T | null = null;
  isNullObject = false;

  constructor(protected readonly context: FakeContext) {}

  protected abstract read(): T | null;

  load(_props?: unknown): void {
    this.context.enqueue(48, () => {
      const data = this.read();
      if (data === null) this.isNullObject = true;
      else this.data = data;
      return 32;
    });
  }

  protected loaded<K extends keyof T>(property: K): T[K] {
    if (!this.data) throw new NotLoaded(String(property));
    return this.data[property];
  }
}

class FakeNote extends FakeNullableItem<{ content: string }> {
  constructor(
    context: FakeContext,
    private readonly sheet: () => MemorySheet,
    private readonly address: string,
  ) {
    super(context);
  }

  private cell() {
    const { row, column } = parseCell(this.address);
    return this.sheet().cell(row, column);
  }

  protected read(): { content: string } | null {
    const note = this.cell()?.note;
    return note === undefined || note === null ? null : { content: note };
  }

  get content(): string {
    return this.loaded('content');
  }

  set content(text: string) {
    this.context.enqueue(48 + jsonBytes(text), () => {
      const cell = this.cell();
      if (!cell || cell.note === undefined || cell.note === null) throw new Error('ItemNotFound: no note at ' + this.address);
      cell.note = text;
    });
  }

  delete(): void {
    this.context.enqueue(48, () => {
      const cell = this.cell();
      if (!cell || cell.note === undefined || cell.note === null) throw new Error('ItemNotFound: no note at ' + this.address);
      cell.note = null;
    });
  }
}

/** A worksheet-scoped name and its formula. */
class FakeNamedItem extends FakeNullableItem<{ formula: string }> {
  constructor(
    context: FakeContext,
    private readonly sheet: () => MemorySheet,
    private readonly name: string,
  ) {
    super(context);
  }

  protected read(): { formula: string } | null {
    const formula = this.sheet().names.get(this.name);
    return formula === undefined ? null : { formula };
  }

  get formula(): string {
    return this.loaded('formula');
  }

  set formula(formula: string) {
    this.context.enqueue(48 + jsonBytes(formula), () => {
      if (!this.sheet().names.has(this.name)) throw new OfficeError('ItemNotFound', `no name ${this.name}`);
      this.sheet().names.set(this.name, formula);
    });
  }

  set visible(_visible: boolean) {
    this.context.enqueue(16, () => undefined);
  }
}

class FakeNames {
  constructor(
    private readonly context: FakeContext,
    private readonly sheet: () => MemorySheet,
  ) {}

  getItemOrNullObject(name: string): FakeNamedItem {
    return new FakeNamedItem(this.context, this.sheet, name);
  }

  add(name: string, formula: string): FakeNamedItem {
    this.context.enqueue(64 + jsonBytes(formula), () => {
      if (this.sheet().names.has(name)) throw new OfficeError('InvalidArgument', `the name ${name} already exists`);
      this.sheet().names.set(name, formula);
    });
    return new FakeNamedItem(this.context, this.sheet, name);
  }
}

class FakeNotes {
  constructor(
    private readonly context: FakeContext,
    private readonly sheet: () => MemorySheet,
  ) {}

  getItemOrNullObject(address: string): FakeNote {
    return new FakeNote(this.context, this.sheet, address);
  }

  getItem(address: string): FakeNote {
    return new FakeNote(this.context, this.sheet, address);
  }

  add(range: FakeRange | string, text: string): void {
    const address = typeof range === 'string' ? range : range.a1();
    this.context.enqueue(64 + jsonBytes(text), () => {
      const { row, column } = parseCell(address);
      const cell = this.sheet().ensure(row, column);
      if (cell.note !== undefined && cell.note !== null) throw new Error('InvalidArgument: the cell already has a note');
      cell.note = text;
    });
  }
}

class FakeXmlPart {
  private state: { id: string } | null = null;
  isNullObject = false;

  constructor(
    private readonly context: FakeContext,
    private readonly resolveId: () => string | null,
  ) {}

  get id(): string {
    if (!this.state) throw new NotLoaded('id');
    return this.state.id;
  }

  fill(): void {
    const id = this.resolveId();
    if (id === null || !this.context.book.parts.has(id)) this.isNullObject = true;
    else this.state = { id };
  }

  load(_props?: unknown): void {
    this.context.enqueue(48, () => {
      this.fill();
      return 48;
    });
  }

  getXml(): { value: string } {
    const result: { value: string } = {
      get value(): string {
        throw new NotLoaded('value');
      },
    } as { value: string };
    this.context.enqueue(48, () => {
      const xml = this.context.book.parts.get(this.resolveId()!) ?? '';
      Object.defineProperty(result, 'value', { value: xml });
      return jsonBytes(xml);
    });
    return result;
  }

  delete(): void {
    this.context.enqueue(48, () => {
      const id = this.resolveId();
      if (id === null || !this.context.book.parts.delete(id)) throw new Error('ItemNotFound: no custom XML part ' + id);
    });
  }
}

class FakeCustomXmlParts {
  constructor(private readonly context: FakeContext) {}

  add(xml: string): FakeXmlPart {
    let id: string | null = null;
    this.context.enqueue(64 + jsonBytes(xml), () => {
      id = this.context.book.newId('PART');
      this.context.book.parts.set(id, xml);
    });
    return new FakeXmlPart(this.context, () => id);
  }

  getItemOrNullObject(id: string): FakeXmlPart {
    return new FakeXmlPart(this.context, () => id);
  }

  getByNamespace(namespace: string): { items: FakeXmlPart[]; load: (props?: unknown) => void } {
    const context = this.context;
    const scoped = {
      items: [] as FakeXmlPart[],
      load(_props?: unknown) {
        context.enqueue(64, () => {
          scoped.items = context.book.partsOf(namespace).map((part) => {
            const proxy = new FakeXmlPart(context, () => part.id);
            proxy.fill();
            return proxy;
          });
          return 48 * scoped.items.length;
        });
      },
    };
    return scoped;
  }
}

export interface FakeOffice {
  Excel: { run: <T>(optionsOrBatch: { delayForCellEdit?: boolean } | ((context: any) => Promise<T>), batch?: (context: any) => Promise<T>) => Promise<T>; ClearApplyTo: Record<string, string> };
  Office: any;
  book: MemoryBook;
  /** The dialog the pane opened last: the test sends it a message as the sign-in page would. */
  dialogs: { url: string; options: unknown; send: (message: string, origin?: string) => void; event: (error: number) => void; closed: boolean }[];
}

export function createFakeOffice(book: MemoryBook, options: { requirementSets?: Record<string, string>; documentUrl?: string; paneOrigin?: string; partitionKey?: string; platform?: string } = {}): FakeOffice {
  const platform = options.platform ?? 'OfficeOnline';
  const sets = options.requirementSets ?? { ExcelApi: '1.18' };
  const dialogs: FakeOffice['dialogs'] = [];
  const versionAtLeast = (have: string, want: string) => {
    const [a1, a2] = have.split('.').map(Number);
    const [b1, b2] = want.split('.').map(Number);
    return a1 > b1 || (a1 === b1 && a2 >= b2);
  };
  const Excel = {
    ClearApplyTo: { all: 'All', formats: 'Formats', contents: 'Contents' },
    /** Refused while a cell is being edited, unless asked to wait for the edit (delayForCellEdit). */
    async run<T>(optionsOrBatch: { delayForCellEdit?: boolean } | ((context: any) => Promise<T>), maybeBatch?: (context: any) => Promise<T>): Promise<T> {
      const batch = typeof optionsOrBatch === 'function' ? optionsOrBatch : maybeBatch!;
      const options = typeof optionsOrBatch === 'function' ? {} : optionsOrBatch;
      if (book.editing) {
        if (!options.delayForCellEdit) throw new OfficeError('InvalidOperation', 'the workbook is in cell edit mode');
        await book.whenEditDone();
      }
      book.stats.runs += 1;
      const context = new FakeContext(book);
      const result = await batch(context);
      if (context.pending > 0) await context.sync();
      return result;
    },
  };
  const readyCallbacks: ((info: { host: string; platform: string }) => void)[] = [];
  const Office = {
    HostType: { Excel: 'Excel' },
    PlatformType: { PC: 'PC', OfficeOnline: 'OfficeOnline', Mac: 'Mac', iOS: 'iOS', Android: 'Android', Universal: 'Universal' },
    EventType: { DialogMessageReceived: 'dialogMessageReceived', DialogEventReceived: 'dialogEventReceived' },
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    onReady(callback?: (info: { host: string; platform: string }) => void) {
      const info = { host: 'Excel', platform };
      if (callback) {
        readyCallbacks.push(callback);
        setTimeout(() => callback(info), 0);
      }
      return Promise.resolve(info);
    },
    context: {
      requirements: {
        isSetSupported(name: string, version = '1.1') {
          const have = sets[name];
          return have !== undefined && versionAtLeast(have, version);
        },
      },
      /** Office.PlatformType of the client: "iOS" is Excel on iPad. */
      platform,
      document: { url: options.documentUrl ?? 'https://example.invalid/Phu-luc-2.xlsx' },
      displayLanguage: 'vi-VN',
      partitionKey: options.partitionKey,
      ui: {
        /** The first page must be on the pane's own origin, else 12004 (the Dialog API's rules). */
        displayDialogAsync(url: string, dialogOptions: unknown, callback: (result: any) => void) {
          const paneOrigin = options.paneOrigin ?? (typeof location === 'undefined' ? 'https://localhost:3000' : location.origin);
          if (new URL(url, paneOrigin).origin !== paneOrigin) {
            callback({ status: 'failed', error: { code: 12004, message: 'The domain of the URL is not trusted.' } });
            return;
          }
          const handlers: Record<string, (arg: any) => void> = {};
          const dialog = {
            url,
            options: dialogOptions,
            closed: false,
            /** A message from the page the dialog shows now, from `origin` (after a redirect: the server's). */
            send: (message: string, origin = new URL(url, paneOrigin).origin) => handlers.dialogMessageReceived?.({ message, origin }),
            event: (error: number) => handlers.dialogEventReceived?.({ error }),
          };
          dialogs.push(dialog);
          callback({
            status: 'succeeded',
            value: {
              addEventHandler: (type: string, handler: (arg: any) => void) => (handlers[type] = handler),
              close: () => (dialog.closed = true),
            },
          });
        },
      },
    },
  };
  return { Excel, Office, book, dialogs };
}
