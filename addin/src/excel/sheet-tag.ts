/**
 * A sheet's tag: a hidden worksheet-scoped name whose formula is a string constant, written by the pull and kept in
 * the sheet's binding. Worksheet ids can be reused (on Mac a deleted sheet's id "might be reassigned"), but a name
 * scoped to a sheet is deleted with it, so a new sheet given an old id does not carry the old tag: comparing the
 * two before any write keeps a stale binding from writing into an unrelated sheet.
 */
import type { WorkbookGateway } from './gateway';

export const SHEET_TAG_NAME = 'PlanBridge_binding';

/** The name's formula for a tag: ="tag", quotes doubled. */
export function tagFormula(tag: string): string {
  return `="${tag.replace(/"/g, '""')}"`;
}

/** The tag a name's formula holds, or null when it is not one of ours. */
export function tagOfFormula(formula: string | null | undefined): string | null {
  const match = /^="((?:[^"]|"")*)"$/.exec(formula ?? '');
  return match ? match[1].replace(/""/g, '"') : null;
}

/**
 * Whether the sheet is still the one a record describes: true when the record has no tag (written before tags
 * existed, so it cannot be checked) or the sheet carries the same tag.
 */
export async function stillTagged(gateway: Pick<WorkbookGateway, 'sheetTag'>, sheetId: string, tag: string | null): Promise<boolean> {
  return tag === null || (await gateway.sheetTag(sheetId)) === tag;
}
