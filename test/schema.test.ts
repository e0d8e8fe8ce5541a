import { readFileSync } from 'node:fs';
import path from 'node:path';
import { schemaText } from '../server/graphql/schema';

describe('schema/schema.graphql', () => {
  it('is what the code emits (run `npm run schema` after changing the API)', async () => {
    const checkedIn = readFileSync(path.resolve(__dirname, '../schema/schema.graphql'), 'utf8');
    expect(await schemaText()).toBe(checkedIn);
  });
});
