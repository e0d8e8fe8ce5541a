/** Reading and editing cells of a flat ODS document as text, by row key (first cell) and column index. */

const ROW = /<table:table-row\b[^>]*?(?:\/>|>[\s\S]*?<\/table:table-row>)/g;
const CELL = /<table:(?:covered-)?table-cell\b[^>]*?(?:\/>|>[\s\S]*?<\/table:(?:covered-)?table-cell>)/g;

function expandCells(row: string): string[] {
  const cells: string[] = [];
  for (const cell of row.match(CELL) ?? []) {
    const repeated = Number(/table:number-columns-repeated="(\d+)"/.exec(cell)?.[1] ?? 1);
    const single = cell.replace(/\s*table:number-columns-repeated="\d+"/, '');
    for (let i = 0; i < Math.min(repeated, 64); i++) cells.push(single);
  }
  return cells;
}

export function cellText(cell: string): string {
  return [...cell.matchAll(/<text:p[^>]*>([\s\S]*?)<\/text:p>/g)].map((match) => match[1].replace(/<[^>]+>/g, '')).join('\n');
}

export function cellNumber(cell: string): string | null {
  return /office:value="([^"]*)"/.exec(cell)?.[1] ?? null;
}

function findRow(document: string, rowKey: string): { text: string; cells: string[] } {
  for (const match of document.match(ROW) ?? []) {
    const cells = expandCells(match);
    if (cells.length && cellText(cells[0]) === rowKey) return { text: match, cells };
  }
  throw new Error(`no row ${rowKey} in the document`);
}

/** The cell of a row (by key) at a 0-based column. */
export function fodsCell(document: string, rowKey: string, column: number): string {
  return findRow(document, rowKey).cells[column];
}

/** The document with one cell replaced: a number (float) or a text as a person would type it. */
export function editFodsCell(document: string, rowKey: string, column: number, value: { number: string } | { text: string }): string {
  const row = findRow(document, rowKey);
  const style = /table:style-name="[^"]*"/.exec(row.cells[column])?.[0] ?? '';
  const cell =
    'number' in value
      ? `<table:table-cell ${style} office:value-type="float" office:value="${value.number}" calcext:value-type="float"><text:p>${value.number}</text:p></table:table-cell>`
      : `<table:table-cell ${style} office:value-type="string" calcext:value-type="string"><text:p>${value.text}</text:p></table:table-cell>`;
  const cells = [...row.cells];
  cells[column] = cell;
  const open = /^<table:table-row\b[^>]*>/.exec(row.text)![0];
  return document.replace(row.text, `${open}${cells.join('')}</table:table-row>`);
}
