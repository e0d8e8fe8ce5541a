/**
 * The "Báo cáo của cấp dưới / Reports from units below" card: the reporting rounds one may read, who has
 * reported in one (late first), the status sheet, and the consolidation pulled read-only. It builds its own
 * section, keeps its own texts and follows the pane's language (the lang attribute the pane sets), so the
 * pane only mounts it.
 */
import type { PlanBridgeClient } from '../api/graphql';
import type { Lang } from '../api/types';
import type { WorkbookGateway } from '../excel/gateway';
import { type ReportingTask, type RoundOption, type RoundStatus, type ViewUnit, roundOptions, roundStatus } from '../rounds/round-api';
import { RoundSheets } from '../rounds/round-sheets';
import { INCLUDE_CHOICES, LATE_FILL, STATE_TEXT, displayDate, displayTime, includedText, roundLabel, viewUnitName } from '../rounds/round-texts';
import { errorText } from './error-text';

/** The pane lists this many units; the status sheet has them all. */
export const LISTED_UNITS = 20;
/** And this many of one's tasks, the soonest deadline first. */
export const LISTED_TASKS = 10;

const TEXTS = {
  vi: {
    heading: 'Báo cáo của cấp dưới',
    load: 'Tải các đợt báo cáo',
    round: 'Đợt báo cáo',
    viewUnit: 'Xem từ đơn vị',
    include: 'Tính vào bảng tổng hợp',
    statusSheet: 'Ghi trang tình hình',
    consolidate: 'Lấy bảng tổng hợp',
    unit: 'Đơn vị',
    state: 'Trạng thái',
    late: 'Trễ (ngày)',
    last: 'Cập nhật',
    noRounds: 'Chưa có đợt báo cáo nào của các đơn vị bạn xem được.',
    loaded: (n: number) => `${n} đợt báo cáo.`,
    summary: (s: RoundStatus) =>
      `Đã nhận ${s.total.received}/${s.total.expected} (${s.total.completenessPercent ?? '—'}%), đúng hạn ${s.total.onTime} (${s.total.timelinessPercent ?? '—'}%), trễ hạn ${s.total.late}, chưa bắt đầu ${s.total.notStarted}. Hạn nộp ${displayDate(s.deadline, 'vi')}.`,
    more: (n: number) => `… và ${n} đơn vị nữa: xem trong trang tình hình.`,
    statusWritten: (n: number, sheet: string) => `Đã ghi tình hình của ${n} đơn vị vào trang tính "${sheet}" (chỉ đọc).`,
    consolidated: (n: number, m: number, sheet: string, side: string) => `Đã lấy bảng tổng hợp của ${n} đơn vị vào "${sheet}" và "${side}" (chỉ đọc); ${m} đơn vị chưa tính (không tính là 0).`,
    busy: 'Đang xử lý…',
    tasks: 'Việc cần làm',
    task: (task: ReportingTask) =>
      `${task.kind === 'FILL' ? 'Điền' : 'Duyệt'}: ${task.formTitle} kỳ ${task.periodKey} — ${task.unitName} (hạn ${displayDate(task.deadline, 'vi')}, ${task.daysRemaining < 0 ? `trễ ${-task.daysRemaining} ngày` : `còn ${task.daysRemaining} ngày`})`,
  },
  en: {
    heading: 'Reports from units below',
    load: 'Load reporting rounds',
    round: 'Reporting round',
    viewUnit: 'Seen from',
    include: 'Count in the consolidation',
    statusSheet: 'Write status sheet',
    consolidate: 'Pull consolidated table',
    unit: 'Unit',
    state: 'State',
    late: 'Late (days)',
    last: 'Last update',
    noRounds: 'No reporting round of the units you may see yet.',
    loaded: (n: number) => `${n} reporting round${n === 1 ? '' : 's'}.`,
    summary: (s: RoundStatus) =>
      `Received ${s.total.received}/${s.total.expected} (${s.total.completenessPercent ?? '—'}%), on time ${s.total.onTime} (${s.total.timelinessPercent ?? '—'}%), late ${s.total.late}, not started ${s.total.notStarted}. Due ${displayDate(s.deadline, 'en')}.`,
    more: (n: number) => `… and ${n} more units: see the status sheet.`,
    statusWritten: (n: number, sheet: string) => `Wrote the status of ${n} units into the sheet "${sheet}" (read-only).`,
    consolidated: (n: number, m: number, sheet: string, side: string) => `Pulled the consolidation of ${n} units into "${sheet}" and "${side}" (read-only); ${m} units not counted (never as zero).`,
    busy: 'Working…',
    tasks: 'To do',
    task: (task: ReportingTask) =>
      `${task.kind === 'FILL' ? 'Fill in' : 'Approve'}: ${task.formTitle} ${task.periodKey} — ${task.unitName} (due ${displayDate(task.deadline, 'en')}, ${task.daysRemaining < 0 ? `${-task.daysRemaining} days late` : `${task.daysRemaining} days left`})`,
  },
};

type StaticText = 'heading' | 'load' | 'round' | 'viewUnit' | 'include' | 'statusSheet' | 'consolidate' | 'unit' | 'state' | 'late' | 'last' | 'tasks';

const CARD_HTML = `
  <h2 id="rounds-heading" data-rounds-text="heading"></h2>
  <div class="pb-row"><button id="rounds-load" type="button" class="pb-button" data-rounds-text="load"></button></div>
  <div id="rounds-tasks-field" hidden>
    <h3 class="pb-small" data-rounds-text="tasks"></h3>
    <ul id="rounds-tasks" class="pb-small"></ul>
  </div>
  <label class="pb-field"><span data-rounds-text="round"></span><select id="rounds-round"></select></label>
  <label id="rounds-view-field" class="pb-field" hidden><span data-rounds-text="viewUnit"></span><select id="rounds-view"></select></label>
  <p id="rounds-summary" class="pb-muted" role="status"></p>
  <div id="rounds-units-scroll" class="pb-scroll">
    <table class="pb-table">
      <thead><tr><th scope="col" data-rounds-text="unit"></th><th scope="col" data-rounds-text="state"></th><th scope="col" data-rounds-text="late"></th><th scope="col" data-rounds-text="last"></th></tr></thead>
      <tbody id="rounds-units"></tbody>
    </table>
  </div>
  <p id="rounds-more" class="pb-muted pb-small" hidden></p>
  <label class="pb-field"><span data-rounds-text="include"></span><select id="rounds-include"></select></label>
  <div class="pb-toolbar" role="toolbar" aria-labelledby="rounds-heading">
    <button id="rounds-status-sheet" type="button" class="pb-button" data-rounds-text="statusSheet"></button>
    <button id="rounds-consolidate" type="button" class="pb-button pb-primary" data-rounds-text="consolidate"></button>
  </div>
  <div id="rounds-message" class="pb-message" role="status" aria-live="polite" hidden></div>`;

class UnitsBelowCard {
  private rounds: RoundOption[] = [];
  private viewUnits: ViewUnit[] = [];
  private tasks: ReportingTask[] = [];
  private status: RoundStatus | null = null;
  private busy = false;
  private readonly sheets: RoundSheets;

  constructor(
    private readonly section: HTMLElement,
    private readonly client: () => PlanBridgeClient,
    gateway: WorkbookGateway,
  ) {
    this.sheets = new RoundSheets(gateway, client, { lang: () => this.lang });
    section.innerHTML = CARD_HTML;
    // Through the CSSOM: the pane's content security policy refuses inline style attributes.
    Object.assign(this.element('rounds-units-scroll').style, { maxHeight: '22rem', overflowY: 'auto' });
    this.element('rounds-load').addEventListener('click', () => void this.run(() => this.load()));
    this.element('rounds-round').addEventListener('change', () => void this.run(() => this.loadStatus()));
    this.element('rounds-view').addEventListener('change', () => void this.run(() => this.loadStatus()));
    this.element('rounds-status-sheet').addEventListener('click', () => void this.run(() => this.writeStatus()));
    this.element('rounds-consolidate').addEventListener('click', () => void this.run(() => this.consolidate()));
    new MutationObserver(() => this.render()).observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
    this.render();
  }

  private get lang(): Lang {
    return document.documentElement.lang === 'en' ? 'en' : 'vi';
  }

  private get texts() {
    return TEXTS[this.lang];
  }

  private element<T extends HTMLElement = HTMLElement>(id: string): T {
    return this.section.querySelector<T>(`#${id}`)!;
  }

  private select(id: string): HTMLSelectElement {
    return this.element<HTMLSelectElement>(id);
  }

  private chosenRound(): RoundOption | null {
    return this.rounds.find((round) => round.id === this.select('rounds-round').value) ?? null;
  }

  private chosenView(): ViewUnit {
    return this.viewUnits[Number(this.select('rounds-view').value)] ?? { id: null, name: null };
  }

  private say(text: string, kind: 'info' | 'success' | 'error' = 'info'): void {
    const box = this.element('rounds-message');
    box.textContent = text;
    box.className = `pb-message pb-${kind}`;
    box.hidden = text === '';
  }

  /** One thing at a time; a failure is said in the card, in the pane's language. */
  private async run(work: () => Promise<void>): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.updateButtons();
    this.say(this.texts.busy);
    try {
      await work();
    } catch (error) {
      this.say(errorText(this.lang, error), 'error');
    } finally {
      this.busy = false;
      this.updateButtons();
    }
  }

  private async load(): Promise<void> {
    const { rounds, viewUnits, tasks } = await roundOptions(this.client());
    this.rounds = rounds;
    this.tasks = tasks;
    this.viewUnits = viewUnits.length > 0 ? viewUnits : [{ id: null, name: null }];
    this.status = null;
    this.render();
    if (rounds.length === 0) return this.say(this.texts.noRounds);
    await this.loadStatus();
    this.say(this.texts.loaded(rounds.length), 'success');
  }

  private async loadStatus(): Promise<void> {
    const round = this.chosenRound();
    this.status = round ? await roundStatus(this.client(), round.id, this.chosenView().id) : null;
    this.renderStatus();
    this.say('');
  }

  private async writeStatus(): Promise<void> {
    const round = this.chosenRound();
    if (!round) return;
    const { sheet, status } = await this.sheets.writeStatus(round, this.chosenView(), this.status, (fraction, vi, en) => this.say(this.lang === 'vi' ? vi : en));
    this.say(this.texts.statusWritten(status.units.length, sheet.name), 'success');
  }

  private async consolidate(): Promise<void> {
    const round = this.chosenRound();
    if (!round) return;
    const include = INCLUDE_CHOICES[Number(this.select('rounds-include').value)] ?? INCLUDE_CHOICES[0];
    const outcome = await this.sheets.pullConsolidated(round, this.chosenView(), include, (fraction, vi, en) => this.say(this.lang === 'vi' ? vi : en));
    this.say(this.texts.consolidated(outcome.table.contributingUnits.length, outcome.table.missingUnits.length, outcome.sheet.name, outcome.sideBySide.name), 'success');
  }

  private updateButtons(): void {
    const chosen = this.chosenRound() !== null;
    this.element<HTMLButtonElement>('rounds-load').disabled = this.busy;
    this.element<HTMLButtonElement>('rounds-status-sheet').disabled = this.busy || !chosen;
    this.element<HTMLButtonElement>('rounds-consolidate').disabled = this.busy || !chosen;
  }

  /** Everything in the pane's language, keeping what was chosen. */
  private render(): void {
    const lang = this.lang;
    for (const element of Array.from(this.section.querySelectorAll<HTMLElement>('[data-rounds-text]'))) element.textContent = this.texts[element.dataset.roundsText as StaticText];
    const keep = (id: string) => this.select(id).value;
    const round = keep('rounds-round');
    const view = keep('rounds-view');
    const include = keep('rounds-include');
    this.select('rounds-round').replaceChildren(...this.rounds.map((option) => new Option(roundLabel(option, lang), option.id)));
    if (this.rounds.some((option) => option.id === round)) this.select('rounds-round').value = round;
    this.select('rounds-view').replaceChildren(...this.viewUnits.map((unit, index) => new Option(viewUnitName(unit, lang), String(index))));
    if (view) this.select('rounds-view').value = view;
    this.element('rounds-view-field').hidden = this.viewUnits.length < 2;
    this.select('rounds-include').replaceChildren(...INCLUDE_CHOICES.map((choice, index) => new Option(includedText(choice, lang), String(index))));
    this.select('rounds-include').value = include || '0';
    this.renderTasks();
    this.renderStatus();
    this.updateButtons();
  }

  /** One's own tasks as the server orders them: reports to fill in, then reports to approve, each soonest deadline first. */
  private renderTasks(): void {
    this.element('rounds-tasks-field').hidden = this.tasks.length === 0;
    this.element('rounds-tasks').replaceChildren(
      ...this.tasks.slice(0, LISTED_TASKS).map((task) => {
        const item = document.createElement('li');
        item.dataset.tableId = task.tableId;
        item.textContent = this.texts.task(task);
        return item;
      }),
    );
  }

  /** The units, late first as the server orders them; the first LISTED_UNITS of them. */
  private renderStatus(): void {
    const status = this.status;
    const body = this.element('rounds-units');
    this.element('rounds-summary').textContent = status ? this.texts.summary(status) : '';
    const listed = status?.units.slice(0, LISTED_UNITS) ?? [];
    body.replaceChildren(
      ...listed.map((unit) => {
        const row = document.createElement('tr');
        row.dataset.unitKey = unit.unitKey;
        const cells = [unit.unitName, STATE_TEXT[this.lang][unit.state], unit.daysLate === null ? '' : String(unit.daysLate), [unit.lastBy, displayTime(unit.lastAt, this.lang)].filter(Boolean).join(', ')];
        row.append(
          ...cells.map((text, index) => {
            const cell = document.createElement(index === 0 ? 'th' : 'td');
            if (index === 0) cell.setAttribute('scope', 'row');
            cell.textContent = text;
            if (index === 2 && text) cell.style.background = LATE_FILL;
            return cell;
          }),
        );
        return row;
      }),
    );
    const more = (status?.units.length ?? 0) - listed.length;
    this.element('rounds-more').hidden = more <= 0;
    this.element('rounds-more').textContent = more > 0 ? this.texts.more(more) : '';
  }
}

/** Adds the card at the end of the pane's main area. */
export function mountUnitsBelowCard(gateway: WorkbookGateway, client: () => PlanBridgeClient): void {
  const section = document.createElement('section');
  section.className = 'pb-card';
  section.id = 'rounds-card';
  section.setAttribute('aria-labelledby', 'rounds-heading');
  document.querySelector('main')!.append(section);
  new UnitsBelowCard(section, client, gateway);
}
