import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { schemaText } from './graphql/schema';
import { PROJECT_ROOT } from './project-root';

/** npm run schema: rewrites schema/schema.graphql from the code. */
schemaText().then(
  (text) => {
    writeFileSync(path.join(PROJECT_ROOT, 'schema/schema.graphql'), text);
    console.log('wrote schema/schema.graphql');
  },
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
