#!/bin/bash
# Needs the app running with the demo data on http://localhost:8080 (./mvnw spring-boot:run, fresh ./data).
# Times the swap API on a published 4-week roster of the whole demo center (64 operators): proposing a direct swap
# (the roster's rules checked for both operators), the board's lists, and accepting (checked again, approved on its
# own and applied).
B=http://localhost:8080
S=$(date -d 'next monday' +%F)
R=$(curl -s -u planner:switchboard -H 'Content-Type: application/json' -X POST $B/api/rosters -d "{\"startDate\":\"$S\",\"days\":28}")
ID=$(echo "$R" | python3 -c 'import sys,json; print(json.load(sys.stdin)["id"])')
curl -s -u planner:switchboard -X POST "$B/api/rosters/$ID/solve?seconds=30" > /dev/null
sleep 5; while curl -s -u planner:switchboard $B/api/rosters/$ID/status | grep -q '"solving":true'; do sleep 2; done
curl -s -u planner:switchboard $B/api/rosters/$ID/status | cut -c1-160; echo
curl -s -u planner:switchboard -X POST "$B/api/rosters/$ID/publish" > /dev/null
# the days E1001 and E1003 both work, then a same-day swap proposed on each until one is allowed
DAYS=$(curl -s -u planner:switchboard "$B/api/rosters/$ID/assignments" | python3 -c '
import sys,csv
rows=list(csv.DictReader(sys.stdin))
a={r["date"] for r in rows if r["employee_number"]=="E1001"}
b={r["date"] for r in rows if r["employee_number"]=="E1003"}
print(" ".join(sorted(a & b)[1:]))')
SWAP=""
for D in $DAYS; do
  OUT=$(curl -s -o /tmp/swap.json -w '%{http_code} %{time_total}' -u operator:switchboard -H 'Content-Type: application/json' \
    -X POST $B/api/swaps -d "{\"date\":\"$D\",\"withEmployeeNumber\":\"E1003\",\"withDate\":\"$D\"}")
  echo "propose $D: $OUT $(head -c 160 /tmp/swap.json)"
  if [ "${OUT%% *}" = "201" ]; then SWAP=$(python3 -c 'import json; print(json.load(open("/tmp/swap.json"))["id"])'); break; fi
done
for i in 1 2 3 4 5; do curl -s -o /dev/null -w 'GET /api/swaps/open %{time_total}\n' -u operator2:switchboard $B/api/swaps/open; done
for i in 1 2 3 4 5; do curl -s -o /dev/null -w 'GET /api/swaps %{time_total}\n' -u operator2:switchboard $B/api/swaps; done
curl -s -o /tmp/accept.json -w 'accept %{http_code} %{time_total}\n' -u operator2:switchboard -X POST $B/api/swaps/$SWAP/accept
python3 -c 'import json; d=json.load(open("/tmp/accept.json")); print(d["status"], d["decidedBySystem"], [h["status"] for h in d["history"]])'
# a give-away by E1001 (her contract's minimum makes it 422 on the demo's full weeks)
D=$(echo $DAYS | awk '{print $NF}')
curl -s -o /tmp/give.json -w "give-away $D: %{http_code} %{time_total}\n" -u operator:switchboard -H 'Content-Type: application/json' \
  -X POST $B/api/swaps -d "{\"date\":\"$D\"}"; head -c 300 /tmp/give.json; echo
# eight extra evening shifts added by the planner and offered to the operators; the board's list of what E1005 may
# take checks each of them with the roster's rules
for k in 1 2 3 4 5 6 7 8; do
  D=$(date -d "$S + $((k+7)) days" +%F)
  OID=$(curl -s -u planner:switchboard -H 'Content-Type: application/json' -X POST $B/api/rosters/$ID/open-shifts \
    -d "{\"date\":\"$D\",\"shiftTemplate\":\"P18\",\"start\":\"18:00\",\"queue\":\"RU-GEN\"}" | python3 -c 'import sys,json; print(json.load(sys.stdin)["id"])')
  curl -s -o /dev/null -w "offer open shift $D: %{http_code} %{time_total}\n" -u planner:switchboard \
    -H 'Content-Type: application/json' -X POST $B/api/swaps -d "{\"openShiftId\":$OID}"
done
for i in 1 2 3 4 5 6; do curl -s -o /tmp/open.json -w 'GET /api/swaps/open (8 offers) %{time_total}\n' -u operator3:switchboard $B/api/swaps/open; done
python3 -c 'import json; print(len(json.load(open("/tmp/open.json"))), "of them E1005 may take")'
