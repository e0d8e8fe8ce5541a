import { parse } from 'csv-parse/sync';
import { foldLabel } from '../../domain/label-match';
import { parseVietnameseNumber } from '../../domain/vietnamese-number';

/** A published appendix table read from CSV: values already parsed to canonical decimals. */
export interface ParsedAppendix {
  /** Text of the leading "#" comment lines, if any. */
  note: string | null;
  columns: { header: string; publishedNumber: string | null }[];
  rows: { line: number; publishedNumber: string | null; label: string; values: (string | null)[] }[];
}

export interface AppendixProblem {
  line: number;
  column: string;
  text: string;
  messageVi: string;
  messageEn: string;
}

/** Every problem of the file at once, so a person can fix them all in one pass. */
export class AppendixFormatError extends Error {
  constructor(readonly problems: AppendixProblem[]) {
    super(problems.map((p) => `line ${p.line}, column "${p.column}": ${p.messageEn}`).join('; '));
  }
}

const NUMBER_HEADERS = new Set(['stt', 'tt', 'so tt', 'so thu tu']);

/** The row under the headings that numbers the columns 1, 2, 3… as Vietnamese tables do. */
function isColumnNumbering(cells: string[]): boolean {
  return cells.every((cell, index) => cell.trim() === String(index + 1));
}

/**
 * Reads an appendix table as published: first column STT, second the label (Chỉ tiêu / Nội dung),
 * the rest values. Empty cells stay empty (null), never zero.
 */
export function readAppendixCsv(text: string): ParsedAppendix {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const noteLines: string[] = [];
  while (lines.length && lines[0].startsWith('#')) noteLines.push(lines.shift()!.replace(/^#\s?/, ''));
  const firstLine = noteLines.length + 1;
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(lines.join('\n'), { skip_empty_lines: true, relax_column_count: false, info: true }) as unknown as typeof records;
  } catch (error) {
    throw new AppendixFormatError([
      { line: firstLine, column: '', text: '', messageVi: `Tệp CSV không hợp lệ: ${(error as Error).message}`, messageEn: `Not valid CSV: ${(error as Error).message}` },
    ]);
  }
  const lineOf = (index: number) => noteLines.length + records[index].info.lines;
  const [headers, ...body] = records.map((entry) => entry.record);
  if (!headers || headers.length < 3 || !NUMBER_HEADERS.has(foldLabel(headers[0]))) {
    throw new AppendixFormatError([
      {
        line: firstLine,
        column: headers?.[0] ?? '',
        text: headers?.join(',') ?? '',
        messageVi: 'Dòng tiêu đề phải bắt đầu bằng cột STT, tiếp theo là cột nội dung và ít nhất một cột số liệu',
        messageEn: 'The heading row must start with an STT column, then the label column and at least one value column',
      },
    ]);
  }
  const numbering = body.length && isColumnNumbering(body[0]) ? body.shift()! : null;
  const bodyOffset = numbering ? 2 : 1;
  const columns = headers.slice(2).map((header, index) => ({
    header: header.trim(),
    publishedNumber: numbering ? numbering[index + 2].trim() : null,
  }));

  const problems: AppendixProblem[] = [];
  const rows = body.map((cells, index) => {
    const line = lineOf(index + bodyOffset);
    const values = cells.slice(2).map((cell, column) => {
      const parsed = parseVietnameseNumber(cell);
      if (parsed.ok) return parsed.value;
      problems.push({ line, column: columns[column].header, text: cell, messageVi: parsed.error.messageVi, messageEn: parsed.error.messageEn });
      return null;
    });
    const publishedNumber = cells[0].trim();
    return { line, publishedNumber: publishedNumber === '' ? null : publishedNumber, label: cells[1].trim(), values };
  });
  if (problems.length) throw new AppendixFormatError(problems);
  return { note: noteLines.length ? noteLines.join('\n') : null, columns, rows };
}
