"""Every value of the poor household rate of a unit and the units below it, page by page, with nothing to install.

    PLANBRIDGE_URL=http://localhost:4000/graphql PLANBRIDGE_TOKEN=... python3 poor_household_rates.py 5
"""
import json
import os
import sys
import urllib.request

URL = os.environ.get("PLANBRIDGE_URL", "http://localhost:4000/graphql")
TOKEN = os.environ.get("PLANBRIDGE_TOKEN", "")
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "poor-household-rates.graphql"), encoding="utf-8") as file:
    QUERY = file.read()


def request(variables):
    body = json.dumps({"query": QUERY, "variables": variables}).encode("utf-8")
    headers = {"content-type": "application/json", "authorization": f"Bearer {TOKEN}"}
    with urllib.request.urlopen(urllib.request.Request(URL, data=body, headers=headers)) as response:
        answer = json.load(response)
    if answer.get("errors"):
        raise RuntimeError("; ".join(error["message"] for error in answer["errors"]))
    return answer["data"]


def poor_household_rates(unit_id):
    rates, after = [], None
    while True:
        page = request({"unitId": unit_id, "first": 100, "after": after})["indicatorValuesConnection"]
        rates += page["nodes"]
        if not page["pageInfo"]["hasNextPage"]:
            return rates
        after = page["pageInfo"]["endCursor"]


if __name__ == "__main__":
    for rate in poor_household_rates(sys.argv[1] if len(sys.argv) > 1 else "5"):
        # Values stay exact decimal strings ("0.21"); float() would round them.
        print("\t".join([rate["period"]["key"], rate["unit"]["key"], rate["unit"]["name"], rate["kind"], rate["value"]]))
