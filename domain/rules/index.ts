export * from './rule';
export * from './finding';
export { checkRuleDefinitions } from './rule-definitions';
export type { RuleDefinitionError, RuleDefinitionErrorCode } from './rule-definitions';
export { ruleOutcomes, validateTable } from './validate-table';
export type { RuleOutcome, ValidationOptions } from './validate-table';
