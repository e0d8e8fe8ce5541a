#!/usr/bin/env node
/**
 * Types for the client examples of docs/api.md, from the committed schema and the example queries
 * (`npm run codegen`; `--check` fails while the committed file is stale).
 * GraphQL Code Generator's core and plugins, without its CLI: the CLI's loaders (URLs, GitHub, Apollo) need Node 22,
 * and a local schema file needs none of them.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { codegen } from '@graphql-codegen/core';
import * as typedDocumentNode from '@graphql-codegen/typed-document-node';
import * as typescriptOperations from '@graphql-codegen/typescript-operations';
import { buildASTSchema, parse } from 'graphql';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const examples = join(root, 'docs/examples');
const output = join(examples, 'generated/graphql.ts');
const config = { enumType: 'string-literal', useTypeImports: true };

const schemaDocument = parse(readFileSync(join(root, 'schema/schema.graphql'), 'utf8'));
const documents = readdirSync(examples)
  .filter((file) => file.endsWith('.graphql'))
  .sort()
  .map((file) => ({ location: `docs/examples/${file}`, document: parse(readFileSync(join(examples, file), 'utf8')) }));

const generated = await codegen({
  filename: output,
  schema: schemaDocument,
  schemaAst: buildASTSchema(schemaDocument),
  documents,
  config,
  plugins: [{ 'typescript-operations': {} }, { 'typed-document-node': {} }],
  pluginMap: { 'typescript-operations': typescriptOperations, 'typed-document-node': typedDocumentNode },
});

if (process.argv.includes('--check')) {
  if (readFileSync(output, 'utf8') !== generated) {
    console.error('docs/examples/generated/graphql.ts is stale: run npm run codegen');
    process.exit(1);
  }
  console.log('docs/examples/generated/graphql.ts is up to date');
} else {
  writeFileSync(output, generated);
  console.log('wrote docs/examples/generated/graphql.ts');
}
