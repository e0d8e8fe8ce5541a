import { schemaText } from '../server/graphql/schema';
import { lintSchema } from '../tools/schema/lint';

const describedSchema = `
"""The root of every read."""
type Query {
  """Administrative units (đơn vị hành chính), a page at a time."""
  unitsConnection(
    """Number of units after the cursor \`after\`."""
    first: Int
    """Cursor of the unit the page starts after."""
    after: String
    """Number of units before the cursor \`before\`."""
    last: Int
    """Cursor of the unit the page ends before."""
    before: String
  ): UnitConnection!
}

"""A page of units."""
type UnitConnection {
  """The units of the page with their cursors."""
  edges: [UnitEdge!]!
  """Where the page lies in the whole list."""
  pageInfo: PageInfo!
}

"""A unit with its cursor."""
type UnitEdge {
  """Cursor to page from this unit."""
  cursor: String!
  """The unit."""
  node: Unit!
}

"""An administrative unit."""
type Unit {
  """Level of the unit."""
  level: UnitLevel!
}

"""Level of an administrative unit."""
enum UnitLevel {
  """Commune (xã)."""
  COMMUNE
  """Province (tỉnh)."""
  PROVINCE
}

"""Relay page information."""
type PageInfo {
  """Cursor of the last edge."""
  endCursor: String
  """Whether a page follows."""
  hasNextPage: Boolean!
  """Whether a page precedes."""
  hasPreviousPage: Boolean!
  """Cursor of the first edge."""
  startCursor: String
}
`;

describe('GraphQL schema lint (graphql-schema-linter.config.js)', () => {
  it('finds no problem in the schema the code builds', async () => {
    const problems = lintSchema(await schemaText());
    expect(problems.map((problem) => `${problem.line}: ${problem.message} (${problem.rule})`)).toEqual([]);
  });

  it('passes a small documented schema that follows the Relay connection specification', () => {
    expect(lintSchema(describedSchema)).toEqual([]);
  });

  it('reports a missing description, a lowercase one on a field, an argument or an enum value, an enum value not in capitals and a connection without edges', () => {
    const broken = describedSchema
      .replace('  """Level of the unit."""\n', '')
      .replace('"""Cursor of the last edge."""', '"""cursor of the last edge."""')
      .replace('  """Province (tỉnh)."""\n  PROVINCE', '  """Province (tỉnh)."""\n  Province')
      .replace('"""Commune (xã)."""', '"""commune (xã)."""')
      .replace('"""Number of units after the cursor', '"""number of units after the cursor')
      .replace('  edges: [UnitEdge!]!', '  items: [UnitEdge!]!');
    const problems = lintSchema(broken);
    expect(problems.map((problem) => problem.rule).sort()).toEqual([
      'descriptions-are-capitalized',
      'enum-values-all-caps',
      'fields-have-descriptions',
      'other-descriptions-are-capitalized',
      'other-descriptions-are-capitalized',
      'relay-connection-types-spec',
    ]);
    const named = (rule: string) => problems.filter((problem) => problem.rule === rule).map((problem) => problem.message.match(/`([^`]+)`/)?.[1]);
    expect(named('fields-have-descriptions')).toEqual(['Unit.level']);
    expect(named('other-descriptions-are-capitalized').sort()).toEqual(['Query.unitsConnection(first)', 'UnitLevel.COMMUNE']);
  });
});
