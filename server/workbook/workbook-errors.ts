import { Refusal } from '../../domain/refusal';

/** Why an upload or download was refused as a whole: bilingual, with the cells concerned, and an HTTP status. */
export class WorkbookRefused extends Refusal {
  constructor(
    readonly status: number,
    code: string,
    messageVi: string,
    messageEn: string,
    /** A1 addresses (with the sheet name) of the cells concerned, when there are any. */
    readonly cells: string[] = [],
  ) {
    super(code, messageVi, messageEn, { cells, http: { status } });
  }

  toJSON(): { status: 'REFUSED'; code: string; messageVi: string; messageEn: string; cells: string[] } {
    return { status: 'REFUSED', code: this.code, messageVi: this.messageVi, messageEn: this.messageEn, cells: this.cells };
  }
}

/** A few addresses in a message, and how many more. */
export function listCells(cells: string[], limit = 10): string {
  return cells.length <= limit ? cells.join(', ') : `${cells.slice(0, limit).join(', ')} (+${cells.length - limit})`;
}
