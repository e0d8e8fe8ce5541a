import { PROJECT_ROOT } from '../../server/project-root';

/** One problem graphql-schema-linter finds: the rule broken, its message, and the line of the SDL. */
export interface SchemaLintProblem {
  rule: string;
  message: string;
  line: number;
}

interface LinterError {
  ruleName: string;
  message: string;
  locations: { line: number }[];
}

// graphql-schema-linter ships no type declarations; these are the parts its CLI uses (lib/runner.js).
const { loadOptionsFromConfigDir } = require('graphql-schema-linter/lib/options') as { loadOptionsFromConfigDir(dir: string): object };
const { Configuration } = require('graphql-schema-linter/lib/configuration') as {
  Configuration: new (schema: object, options: object) => { getRules(): unknown[]; validate(): { message: string }[] };
};
const { Schema } = require('graphql-schema-linter/lib/schema') as { Schema: new (definition: string, sourceMap: object) => object };
const { SourceMap } = require('graphql-schema-linter/lib/source_map') as { SourceMap: new (files: Record<string, string>) => object };
const { validateSchemaDefinition } = require('graphql-schema-linter/lib/validator') as {
  validateSchemaDefinition(schema: object, rules: unknown[], configuration: object): LinterError[];
};

/** Lints SDL with the committed rule set (graphql-schema-linter.config.js at the project root). */
export function lintSchema(sdl: string): SchemaLintProblem[] {
  const schema = new Schema(sdl, new SourceMap({ 'schema.graphql': sdl }));
  const configuration = new Configuration(schema, loadOptionsFromConfigDir(PROJECT_ROOT));
  // A misspelt rule name would otherwise be dropped silently.
  const misconfigured = configuration.validate();
  if (misconfigured.length > 0) throw new Error(misconfigured.map((issue) => issue.message).join('\n'));
  return validateSchemaDefinition(schema, configuration.getRules(), configuration).map((error) => ({
    rule: error.ruleName,
    message: error.message,
    line: error.locations[0]?.line ?? 0,
  }));
}
