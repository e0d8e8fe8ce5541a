/**
 * The add-in's rooms: every source file sits in a folder named for its concept, and no chain of imports
 * leads back to where it started (type-only imports count too: a cycle of types is a cycle of concepts).
 * Imports are read with TypeScript's own pre-processor, so comments and strings are never taken for imports.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const SOURCE = path.resolve(__dirname, '../../addin/src');
const ROOMS = ['api', 'excel', 'pane', 'report', 'rounds', 'table-sync'];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** Relative imports of each file under `root`, resolved to files under `root` (others, like domain/, are not followed). */
function importGraph(files: Map<string, string>): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const [file, text] of files) {
    const { importedFiles } = ts.preProcessFile(text, true, true);
    const targets = importedFiles
      .map((imported) => imported.fileName)
      .filter((name) => name.startsWith('.'))
      .map((name) => path.resolve(path.dirname(file), name) + '.ts')
      .filter((target) => files.has(target));
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/** Each strongly connected component of more than one file (or a file importing itself), as one cycle path. */
function cycles(graph: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter++);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, index.get(next)!));
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || (graph.get(node) ?? []).includes(node)) found.push(component.reverse());
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return found;
}

function readSources(): Map<string, string> {
  return new Map(sourceFiles(SOURCE).map((file) => [file, fs.readFileSync(file, 'utf8')]));
}

describe('the add-in rooms', () => {
  it('finds a cycle when there is one (the check itself can fail)', () => {
    const files = new Map([
      ['/x/report/sync.ts', "import { applyInBatches } from '../table-sync/sync';"],
      ['/x/table-sync/sync.ts', "import type { ReportStore } from '../report/store';\n// import '../pane/taskpane';"],
      ['/x/report/store.ts', "import { partXml } from './sync';"],
      ['/x/pane/taskpane.ts', "const s = \"import '../report/sync'\";"],
    ]);
    expect(cycles(importGraph(files))).toEqual([['/x/report/sync.ts', '/x/table-sync/sync.ts', '/x/report/store.ts']]);
    files.set('/x/report/store.ts', "import { partXml } from '../excel/parts';");
    expect(cycles(importGraph(files))).toEqual([]);
  });

  it('has no import cycle in addin/src', () => {
    const found = cycles(importGraph(readSources())).map((cycle) => cycle.map((file) => path.relative(SOURCE, file)).join(' → '));
    expect(found).toEqual([]);
  });

  it('keeps every source file in a room named for its concept, none loose and none over a dozen files', () => {
    const byRoom = new Map<string, string[]>();
    for (const file of sourceFiles(SOURCE)) {
      const room = path.relative(SOURCE, file).split(path.sep)[0];
      byRoom.set(room, [...(byRoom.get(room) ?? []), file]);
    }
    expect([...byRoom.keys()].sort()).toEqual(ROOMS);
    const crowded = [...byRoom].filter(([, files]) => files.length > 12).map(([room, files]) => `${room}: ${files.length} files`);
    expect(crowded).toEqual([]);
  });
});
