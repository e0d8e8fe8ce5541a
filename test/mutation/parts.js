/**
 * The parts of the code that `npm run test:mutation` mutates, each with the test files that cover it and the
 * mutation score it must keep (docs/contributing.md, "Mutation testing").
 */
module.exports = {
  domain: {
    mutate: ['domain/**/*.ts'],
    tests: [
      'test/domain/*.test.ts',
      'test/import/read-table.test.ts',
      'test/import/corpus.test.ts',
      'test/addin/units.test.ts',
      'test/addin/office-gateway.test.ts',
    ],
    target: 85,
    database: false,
  },
  server: {
    mutate: ['server/auth/**/*.ts', 'server/tables/**/*.ts'],
    tests: [
      'test/server/access.test.ts',
      'test/server/content-hash.test.ts',
      'test/server/table-sync.test.ts',
      'test/server/user-import.test.ts',
      'test/server/security/sign-in.test.ts',
      'test/server/security/refresh-tokens.test.ts',
      'test/server/security/accounts.test.ts',
      'test/server/security/workflow-races.test.ts',
    ],
    target: 75,
    database: true,
  },
};
