/** A problem found while reading a published table, naming the cell or line it is about. */
export interface ImportProblem {
  code: string;
  /** "C7": the cell, when the problem is about one. */
  cell: string | null;
  /** 1-based line of the grid (the sheet row or CSV line), when the problem is about one. */
  line: number | null;
  messageVi: string;
  messageEn: string;
}

export function problem(code: string, at: { cell?: string | null; line?: number | null }, messageVi: string, messageEn: string): ImportProblem {
  const cell = at.cell ?? null;
  const line = at.line ?? null;
  const where = cell !== null ? { vi: `Ô ${cell}: `, en: `Cell ${cell}: ` } : line !== null ? { vi: `Dòng ${line}: `, en: `Line ${line}: ` } : { vi: '', en: '' };
  return { code, cell, line, messageVi: where.vi + messageVi, messageEn: where.en + messageEn };
}
