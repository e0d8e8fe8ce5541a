/** Tests run against real PostgreSQL: globalSetup starts one embedded server for the whole run. */
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  // StrykerJS's sandboxes (npm run test:mutation) are copies of the repository.
  modulePathIgnorePatterns: ['<rootDir>/.stryker-tmp/'],
  globalSetup: '<rootDir>/test/support/global-setup.js',
  globalTeardown: '<rootDir>/test/support/global-teardown.js',
  testTimeout: 60000,
  maxWorkers: 2,
  // office-addin-mock requires office-addin-manifest, whose dependencies are ES modules Jest cannot load;
  // the mock never uses it. The manifest test runs the real office-addin-manifest in a Node child process.
  moduleNameMapper: { '^office-addin-manifest$': '<rootDir>/test/addin/support/office-addin-manifest-stub.js' },
};
