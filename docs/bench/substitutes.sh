#!/bin/bash
# Needs the app running with the demo data on http://localhost:8080 (./mvnw spring-boot:run, fresh ./data).
# Times GET /api/absences/{id}/substitutes on a published 4-week roster of the whole demo center (64 operators).
B=http://localhost:8080
S=$(date -d 'next monday' +%F)
R=$(curl -s -u planner:switchboard -H 'Content-Type: application/json' -X POST $B/api/rosters -d "{\"startDate\":\"$S\",\"days\":28}")
ID=$(echo "$R" | python3 -c 'import sys,json; print(json.load(sys.stdin)["id"])')
curl -s -u planner:switchboard -X POST "$B/api/rosters/$ID/solve?seconds=30" > /dev/null
sleep 5; while curl -s -u planner:switchboard $B/api/rosters/$ID/status | grep -q '"solving":true'; do sleep 2; done
curl -s -u planner:switchboard $B/api/rosters/$ID/status | cut -c1-160; echo
curl -s -u planner:switchboard -X POST "$B/api/rosters/$ID/publish" > /dev/null
# three worked days of E1020's second week as sick leave (entered by the planner: approved at once)
D=$(curl -s -u planner:switchboard "$B/api/rosters/$ID/assignments" | python3 -c '
import sys,csv
rows=list(csv.DictReader(sys.stdin))
ds=sorted(r["date"] for r in rows if r["employee_number"]=="E1041")
print(ds[5] if len(ds)>5 else ds[-1])')
echo "sick day $D"
A=$(curl -s -u planner:switchboard -H 'Content-Type: application/json' -X POST $B/api/absences -d "{\"type\":\"SICK\",\"from\":\"$D\",\"to\":\"$D\",\"employeeNumber\":\"E1041\"}")
echo "$A"; AID=$(echo "$A" | python3 -c 'import sys,json; print(json.load(sys.stdin)["id"])')
sleep 3
for i in 1 2 3 4 5 6; do curl -s -o /tmp/subst.json -w '%{time_total}\n' -u planner:switchboard $B/api/absences/$AID/substitutes; done
python3 -c 'import json; d=json.load(open("/tmp/subst.json")); print([(x["date"],x["queue"],len(x["candidates"]), [c["employeeNumber"]+" "+c["scoreChange"] for c in x["candidates"][:3]]) for x in d])'
