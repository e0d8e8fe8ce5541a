/**
 * The unit picker: a search box over `searchUnits` (ten thousand units do not fit a dropdown). Typing two
 * characters or more asks the server after a pause; matches show with their parent, to tell namesakes
 * apart; arrows move through them, Enter chooses, Escape closes (the ARIA combobox pattern).
 */
import type { UnitMatch } from '../api/graphql';

export interface UnitSearchBoxOptions {
  search(query: string): Promise<UnitMatch[]>;
  label(unit: UnitMatch): string;
  choose(unit: UnitMatch): void;
  noMatch(): string;
  failed(error: unknown): void;
  delayMs?: number;
}

export const MIN_QUERY_LENGTH = 2;

export class UnitSearchBox {
  private matches: UnitMatch[] = [];
  private active = -1;
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** Answers to older queries arriving late are dropped. */
  private latest = 0;

  constructor(
    private readonly input: HTMLInputElement,
    private readonly list: HTMLElement,
    private readonly options: UnitSearchBoxOptions,
  ) {
    input.addEventListener('input', () => this.schedule());
    input.addEventListener('keydown', (event) => this.onKey(event));
    list.addEventListener('mousedown', (event) => event.preventDefault()); // keep the focus in the box
    list.addEventListener('click', (event) => {
      const item = (event.target as HTMLElement).closest<HTMLElement>('[data-index]');
      if (item) this.pick(Number(item.dataset.index));
    });
    input.addEventListener('blur', () => this.close());
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    const query = this.input.value.trim();
    if (query.length < MIN_QUERY_LENGTH) return this.close();
    this.timer = setTimeout(() => void this.run(query), this.options.delayMs ?? 250);
  }

  private async run(query: string): Promise<void> {
    const ticket = ++this.latest;
    try {
      const matches = await this.options.search(query);
      if (ticket === this.latest) this.show(matches);
    } catch (error) {
      if (ticket === this.latest) this.options.failed(error);
    }
  }

  private show(matches: UnitMatch[]): void {
    this.matches = matches;
    this.active = -1;
    const items = matches.map((unit, index) => {
      const item = document.createElement('li');
      item.id = `${this.list.id}-${index}`;
      item.setAttribute('role', 'option');
      item.dataset.index = String(index);
      item.dataset.unitId = unit.id;
      item.className = 'pb-unit-match';
      const name = document.createElement('span');
      name.textContent = this.options.label(unit);
      const parent = document.createElement('span');
      parent.className = 'pb-muted pb-small';
      parent.textContent = unit.parent?.name ?? '';
      item.append(name, parent);
      return item;
    });
    if (items.length === 0) {
      const none = document.createElement('li');
      none.className = 'pb-muted';
      none.textContent = this.options.noMatch();
      items.push(none);
    }
    this.list.replaceChildren(...items);
    this.list.hidden = false;
    this.input.setAttribute('aria-expanded', 'true');
  }

  private close(): void {
    this.list.hidden = true;
    this.input.setAttribute('aria-expanded', 'false');
    this.input.removeAttribute('aria-activedescendant');
    this.active = -1;
  }

  private highlight(index: number): void {
    this.active = index;
    for (const item of Array.from(this.list.querySelectorAll<HTMLElement>('[role="option"]'))) {
      item.setAttribute('aria-selected', String(Number(item.dataset.index) === index));
    }
    const item = this.list.querySelector<HTMLElement>(`[data-index="${index}"]`);
    if (item) {
      this.input.setAttribute('aria-activedescendant', item.id);
      item.scrollIntoView({ block: 'nearest' });
    }
  }

  private onKey(event: KeyboardEvent): void {
    if (this.list.hidden || this.matches.length === 0) return;
    const last = this.matches.length - 1;
    if (event.key === 'ArrowDown') this.highlight(this.active >= last ? 0 : this.active + 1);
    else if (event.key === 'ArrowUp') this.highlight(this.active <= 0 ? last : this.active - 1);
    else if (event.key === 'Enter' && this.active >= 0) this.pick(this.active);
    else if (event.key === 'Escape') this.close();
    else return;
    event.preventDefault();
  }

  private pick(index: number): void {
    const unit = this.matches[index];
    if (!unit) return;
    this.input.value = this.options.label(unit);
    this.close();
    this.options.choose(unit);
  }
}
