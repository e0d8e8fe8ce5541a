import type { CodegenConfig } from '@graphql-codegen/cli';

/** Types for the client examples of docs/api.md from the committed schema (`npm run codegen`). */
const config: CodegenConfig = {
  schema: 'schema/schema.graphql',
  documents: 'docs/examples/*.graphql',
  generates: {
    'docs/examples/generated/graphql.ts': {
      plugins: ['typescript-operations', 'typed-document-node'],
      config: { enumType: 'string-literal', useTypeImports: true },
    },
  },
};

export default config;
