/**
 * Every ```graphql block of README.md and docs/**\/*.md runs as written, in order, against the real HTTP server over
 * a freshly seeded database (one per file), signed in as the seed user the block names. The conventions
 * (`# as: LOGIN`, a following ```json block of variables, `# expect error: CODE`, `# example only: REASON`) are
 * documented in docs/contributing.md.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from './support/database';
import { postGraphQL, startTestApp, type TestApp } from './support/graphql';
import { markdownFiles, ROOT } from './support/markdown-files';

const SEED_PASSWORD = 'planbridge-local';

export interface DocExample {
  file: string;
  /** 1-based line of the opening ```graphql fence. */
  line: number;
  query: string;
  as: string | null;
  variables: Record<string, unknown>;
  expectError: string | null;
  skipReason: string | null;
}

const FENCE_END = /^```\s*$/;

/** The fenced block opening at lines[start], as its body and the index of its closing fence. */
function fencedBlock(lines: string[], start: number, where: string): { body: string[]; end: number } {
  let end = start + 1;
  while (end < lines.length && !FENCE_END.test(lines[end])) end++;
  if (end === lines.length) throw new Error(`${where}: code block never closed`);
  return { body: lines.slice(start + 1, end), end };
}

export function extractExamples(file: string, text: string): DocExample[] {
  const lines = text.split('\n');
  const examples: DocExample[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!/^```graphql\s*$/.test(lines[i])) continue;
    const where = `${file}:${i + 1}`;
    const { body, end } = fencedBlock(lines, i, where);
    const directive = (name: string) => body.map((line) => line.match(new RegExp(`^#\\s*${name}:\\s*(.+?)\\s*$`))?.[1]).find(Boolean) ?? null;
    let variables: Record<string, unknown> = {};
    let next = end + 1;
    while (next < lines.length && lines[next].trim() === '') next++;
    if (next < lines.length && /^```json\s*$/.test(lines[next])) {
      const json = fencedBlock(lines, next, `${file}:${next + 1}`);
      try {
        variables = JSON.parse(json.body.join('\n'));
      } catch (error) {
        throw new Error(`${file}:${next + 1}: the variables of the example at line ${i + 1} are not JSON: ${(error as Error).message}`);
      }
      next = json.end;
    }
    examples.push({
      file,
      line: i + 1,
      query: body.join('\n'),
      as: directive('as'),
      variables,
      expectError: directive('expect error'),
      skipReason: directive('example only'),
    });
    i = end;
  }
  return examples;
}

describe('the example extractor', () => {
  const text = [
    'Text', // 1
    '```graphql', // 2
    '# as: cantho.editor',
    'query ($id: ID!) { planTable(id: $id) { title } }',
    '```',
    '',
    '```json',
    '{ "id": "1" }',
    '```',
    'More text, then a json block that is not right after a query:',
    '```json',
    '{ "Authorization": "Bearer x" }',
    '```',
    '```graphql', // 14
    '# example only: a fragment',
    'fragment F on PlanTable { title }',
    '```',
    '```graphql', // 18
    '# expect error: NOT_FOUND',
    '{ plan(id: "999") { id } }',
    '```',
  ].join('\n');

  it('reads the user, the variables, expected errors and skips, with the line of each block', () => {
    expect(extractExamples('x.md', text)).toEqual([
      { file: 'x.md', line: 2, query: '# as: cantho.editor\nquery ($id: ID!) { planTable(id: $id) { title } }', as: 'cantho.editor', variables: { id: '1' }, expectError: null, skipReason: null },
      { file: 'x.md', line: 14, query: '# example only: a fragment\nfragment F on PlanTable { title }', as: null, variables: {}, expectError: null, skipReason: 'a fragment' },
      { file: 'x.md', line: 18, query: '# expect error: NOT_FOUND\n{ plan(id: "999") { id } }', as: null, variables: {}, expectError: 'NOT_FOUND', skipReason: null },
    ]);
  });

  it('names the file and line of variables that are not JSON', () => {
    expect(() => extractExamples('y.md', '```graphql\n{ me { login } }\n```\n```json\n{ id: 1 }\n```')).toThrow(/^y\.md:4: the variables of the example at line 1 are not JSON/);
  });

  it('finds the examples of the README and the API documentation', () => {
    const count = (file: string) => extractExamples(file, readFileSync(path.join(ROOT, file), 'utf8')).length;
    expect(count('README.md')).toBeGreaterThanOrEqual(2);
    expect(count('docs/api.md')).toBeGreaterThanOrEqual(8);
  });
});

for (const file of markdownFiles()) {
  const examples = extractExamples(file, readFileSync(path.join(ROOT, file), 'utf8'));
  if (examples.length === 0) continue;

  describe(`the examples of ${file}, in order, on a fresh seed`, () => {
    let db: TestDatabase;
    let app: TestApp;
    const tokens = new Map<string, string>();

    beforeAll(async () => {
      db = await createTestDatabase();
      app = await startTestApp(db.orm, { as: null });
    });
    afterAll(async () => {
      await app?.close();
      await db?.drop();
    });

    /** Signs in as a person would, with the seed password. */
    async function tokenOf(login: string, where: string): Promise<string> {
      if (!tokens.has(login)) {
        const session = await postGraphQL(app.url, 'mutation ($login: String!, $password: String!) { signIn(login: $login, password: $password) { accessToken } }', { login, password: SEED_PASSWORD });
        if (session.errors) throw new Error(`${where}: cannot sign in as "${login}": ${session.errors[0].message}`);
        tokens.set(login, session.data!.signIn.accessToken);
      }
      return tokens.get(login)!;
    }

    for (const example of examples) {
      const where = `${example.file}:${example.line}`;
      if (example.skipReason) {
        it.skip(`${where} (example only: ${example.skipReason})`, () => undefined);
        continue;
      }
      it(`${where}${example.as ? ` as ${example.as}` : ''}`, async () => {
        const headers: Record<string, string> = example.as ? { authorization: `Bearer ${await tokenOf(example.as, where)}` } : {};
        const response = await postGraphQL(app.url, example.query, example.variables, headers);
        const errors = (response.errors ?? []).map((error) => `${error.extensions?.code ?? ''} ${error.message}`.trim());
        if (example.expectError) {
          const codes = (response.errors ?? []).map((error) => error.extensions?.code);
          if (!codes.includes(example.expectError)) throw new Error(`${where}: expected the error ${example.expectError}, got ${errors.join('; ') || 'no error'}`);
          return;
        }
        if (response.status !== 200 || errors.length > 0) {
          throw new Error(`${where}: the example fails (HTTP ${response.status}): ${errors.join('; ') || JSON.stringify(response)}`);
        }
      });
    }
  });
}
