import { readFileSync } from 'node:fs';
import path from 'node:path';
import { unannouncedBreakingChanges } from '../tools/schema/breaking-changes';

const read = (file: string) => readFileSync(path.resolve(__dirname, '..', file), 'utf8');
const released = read('schema/released/schema.graphql');

describe('breaking changes against the last released schema (schema/released/schema.graphql)', () => {
  it('every breaking change is announced in docs/api-changelog.md under "## Unreleased"', async () => {
    const unannounced = await unannouncedBreakingChanges(released, read('schema/schema.graphql'), read('docs/api-changelog.md'));
    expect(unannounced.map((change) => `${change.path}: ${change.message}`)).toEqual([]);
  });

  it('fails on a breaking change the changelog does not name, and passes once it does', async () => {
    // Removing a field clients may query, and making a nullable field non-null in an input, both break clients.
    const broken = released
      .replace('  """The sentence of the source the figure was taken from"""\n  quote: String\n', '')
      .replace('  """Administrative unit"""\n  unitId: ID\n', '  """Administrative unit"""\n  unitId: ID!\n');
    expect(broken).not.toBe(released);
    const changelog = '# API changelog\n\n## Unreleased\n\n## 0.1.0\n\n- `IndicatorValue.quote` was never breaking here\n';
    const found = await unannouncedBreakingChanges(released, broken, changelog);
    expect(found.map((change) => change.path).sort()).toEqual(['IndicatorValue.quote', 'IndicatorValueFilter.unitId']);
    const announced = changelog.replace('## Unreleased\n', '## Unreleased\n\n- **Breaking** `IndicatorValue.quote` removed; `IndicatorValueFilter.unitId` required\n');
    expect(await unannouncedBreakingChanges(released, broken, announced)).toEqual([]);
  });

  it('takes deprecating a field as safe', async () => {
    const deprecated = released.replace('  quote: String\n', '  quote: String @deprecated(reason: "Use sourceDocument")\n');
    expect(await unannouncedBreakingChanges(released, deprecated, '# API changelog\n')).toEqual([]);
  });
});
