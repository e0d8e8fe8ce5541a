/**
 * The rule set of the GraphQL schema lint (graphql-schema-linter), run by test/schema-lint.test.ts in `npm test`
 * and by `npm run lint:schema`. Every built-in rule is on, listed so that a new release of the linter cannot
 * add or drop one unnoticed. None conflicts with the Relay connection specification or with the breaking-change
 * policy (docs/api-changelog.md): adding a description is not a breaking change.
 */
module.exports = {
  schemaPaths: ['schema/schema.graphql'],
  customRulePaths: ['tools/schema/lint-rules/*.js'],
  rules: [
    // GraphiQL's documentation explorer is where analysts learn the API: everything says what it is.
    'types-have-descriptions',
    'fields-have-descriptions',
    'arguments-have-descriptions',
    'input-object-values-have-descriptions',
    'enum-values-have-descriptions',
    'descriptions-are-capitalized',
    // Ours (tools/schema/lint-rules/): the built-in rule above checks field descriptions only.
    'other-descriptions-are-capitalized',
    'deprecations-have-a-reason',
    // Naming.
    'types-are-capitalized',
    'fields-are-camel-cased',
    'input-object-values-are-camel-cased',
    'enum-values-all-caps',
    'defined-types-are-used',
    // Lists that grow are Relay cursor connections (https://relay.dev/graphql/connections.htm).
    'relay-connection-types-spec',
    'relay-connection-arguments-spec',
    'relay-page-info-spec',
    // schema/schema.graphql is printed sorted (lexicographicSortSchema), so these hold by construction; kept so
    // a hand-edited schema file fails here as well as in test/schema.test.ts.
    'type-fields-sorted-alphabetically',
    'interface-fields-sorted-alphabetically',
    'input-object-fields-sorted-alphabetically',
    'enum-values-sorted-alphabetically',
  ],
};
