/**
 * Jest as StrykerJS runs it (npm run test:mutation): the project's configuration with only the test files
 * of one part (PLANBRIDGE_MUTATION_PART), so that each mutant runs in seconds. The database, when a part
 * needs one, is started once by run.js around the whole Stryker run, not by Jest for every mutant.
 */
const path = require('node:path');
const base = require('../../jest.config');
const parts = require('./parts');

const part = parts[process.env.PLANBRIDGE_MUTATION_PART];
if (!part) throw new Error(`PLANBRIDGE_MUTATION_PART must be one of: ${Object.keys(parts).join(', ')}`);

module.exports = {
  ...base,
  rootDir: path.resolve(__dirname, '../..'),
  testMatch: part.tests.map((file) => `<rootDir>/${file}`),
  // Jest crawls only these for every mutant's run.
  roots: ['<rootDir>/test', '<rootDir>/domain', '<rootDir>/server', '<rootDir>/addin/src'],
  globalSetup: undefined,
  globalTeardown: undefined,
  maxWorkers: 1,
};
