#!/bin/sh
# The first page of the poor household rate of a unit and the units below it, with curl alone.
#   PLANBRIDGE_URL=http://localhost:4000/graphql PLANBRIDGE_TOKEN=… sh poor-household-rates.sh 5
curl -sS --fail-with-body "${PLANBRIDGE_URL:-http://localhost:4000/graphql}" \
  -H 'content-type: application/json' \
  -H "authorization: Bearer $PLANBRIDGE_TOKEN" \
  --data-binary @- <<JSON
{
  "query": "query (\$unitId: ID!) { indicatorValuesConnection(first: 100, filter: { unitId: \$unitId, includeDescendants: true, indicatorKeys: [\"POOR_HOUSEHOLD_RATE\"] }) { totalCount nodes { value kind period { key } unit { key name } } pageInfo { hasNextPage endCursor } } }",
  "variables": { "unitId": "${1:-5}" }
}
JSON
