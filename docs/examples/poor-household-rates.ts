/**
 * A typed PlanBridge client: every value of the poor household rate of a unit and the units below it, page by page.
 * The types are generated from the schema and poor-household-rates.graphql (`npm run codegen`): a misspelt field or
 * a wrong variable fails to compile, and each value comes back typed.
 *
 *   PLANBRIDGE_URL=http://localhost:4000/graphql PLANBRIDGE_TOKEN=… node dist/docs/examples/poor-household-rates.js 5
 */
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { PoorHouseholdRatesDocument, type PoorHouseholdRatesQuery } from './generated/graphql';

export type Rate = PoorHouseholdRatesQuery['indicatorValuesConnection']['nodes'][number];

/** One GraphQL request; the document's types give the variables' and the answer's. */
async function request<Result, Variables>(url: string, token: string, document: TypedDocumentNode<Result, Variables>, variables: Variables): Promise<Result> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: print(document), variables }),
  });
  const body = (await response.json()) as { data?: Result; errors?: { message: string }[] };
  if (body.errors?.length || !body.data) throw new Error(body.errors?.map((error) => error.message).join('\n') ?? `HTTP ${response.status}`);
  return body.data;
}

export async function poorHouseholdRates(url: string, token: string, unitId: string): Promise<Rate[]> {
  const rates: Rate[] = [];
  let after: string | null = null;
  do {
    const { indicatorValuesConnection: page }: PoorHouseholdRatesQuery = await request(url, token, PoorHouseholdRatesDocument, { unitId, first: 100, after });
    rates.push(...page.nodes);
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after);
  return rates;
}

if (require.main === module) {
  const url = process.env.PLANBRIDGE_URL ?? 'http://localhost:4000/graphql';
  poorHouseholdRates(url, process.env.PLANBRIDGE_TOKEN ?? '', process.argv[2] ?? '5').then(
    (rates) => rates.forEach((rate) => console.log([rate.period.key, rate.unit.key, rate.unit.name, rate.kind, rate.value].join('\t'))),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    },
  );
}
