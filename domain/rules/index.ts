export * from './rule';
export * from './finding';
export { checkRuleDefinitions } from './rule-definitions';
export type { RuleDefinitionError, RuleDefinitionErrorCode } from './rule-definitions';
export { validateTable } from './validate-table';
