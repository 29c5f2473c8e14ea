#!/usr/bin/env python3
"""How much service level the bank week allows with N operators, whatever the roster (docs/benchmarks.md).

The week of BankWeekScenario (22-28 February 1999, the six service types pooled, 30-minute intervals), judged as
BankRosterBenchmarkTest judges it: per interval Erlang C with the real calls and the real talk time (the week's mean
where nobody was answered), the call-weighted share answered within 20 s. The rosters: N operators on the 40 h
contract, each working 5 days of the week with two days off in a row (or Monday and Sunday, blocks at the period's
edges), one 9-hour shift a day starting 07:00-15:00 every 30 minutes with an unpaid hour starting 3 to 5 hours
after the start.

A mixed-integer model (SciPy's HiGHS) chooses how many operators start when, with which break, on which days-off
pattern, knowing the week's real calls: a perfect forecast. It leaves out only the 11-hour rest between days (the
roster it finds is checked for that afterwards), so the solver's dual bound is an upper bound on every legal roster,
and the roster it finds, once assigned to operators, a legal roster that reaches that service level.

    python3 docs/bench/bank_week_bound.py [--shared ../shared] [--headcount 17] [--seconds 120] [--breaks 6,7,8,9,10]
        [--forecast target/bench/bank/week.csv [--spread 0.3]]

--breaks: the break's possible starts in half hours after the shift start (8 alone: the break at the middle of its
window, as the roster solver sees it while solving).
--forecast: the roster is chosen on the forecast the product built it from (BankRosterBenchmarkTest writes week.csv),
the calls of each interval varying around it by --spread (relative standard deviation, as
switchboard.roster.forecast-error), and then judged on the real calls: the best a roster built from that forecast
can do, whatever the solver.
"""
import argparse
import csv
import datetime
import math
import os

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import lil_matrix

FIRST = datetime.date(1999, 2, 22)
SLOTS = 7 * 48
SHIFT = 18  # half hours
BREAK = 2
STARTS = range(14, 31)  # 07:00 .. 15:00
PATTERNS = [(d, d + 1) for d in range(6)] + [(0, 6)]  # days off (Monday = 0)


def week(shared):
    calls = np.zeros(SLOTS)
    aht = np.full(SLOTS, np.nan)
    talk = answered = 0.0
    with open(os.path.join(shared, "data", "callcenter", "intervals_30min.csv")) as f:
        for r in csv.DictReader(f):
            day = (datetime.date.fromisoformat(r["date"]) - FIRST).days
            if r["type"] != "ALL" or not 0 <= day < 7:
                continue
            h, m = map(int, r["interval_start"].split(":"))
            i = day * 48 + h * 2 + m // 30
            calls[i] = int(r["agent_arrivals"])
            a = int(r["answered"])
            if a > 0:
                aht[i] = float(r["total_service_seconds"]) / a
            talk += float(r["total_service_seconds"])
            answered += a
    return calls, aht, talk / answered


def forecast(path):
    """The forecast calls and talk time per slot of the week, as BankRosterBenchmarkTest wrote them."""
    calls, aht = np.zeros(SLOTS), np.zeros(SLOTS)
    with open(path) as f:
        for r in csv.DictReader(f):
            calls[int(r["slot"])] = float(r["forecast_calls"])
            aht[int(r["slot"])] = float(r["forecast_aht_seconds"])
    return calls, aht


def service_level(n, calls, aht):
    """Erlang C: the share answered within 20 s with n agents (0 when n does not exceed the load)."""
    if calls <= 0:
        return 0.0
    load = calls * aht / 1800.0
    if n <= load:
        return 0.0
    b = 1.0
    for k in range(1, n + 1):
        b = load * b / (k + load * b)
    c = n * b / (n - load * (1 - b))
    return max(0.0, 1 - c * math.exp(-(n - load) * 20 / aht))


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--shared", default=os.environ.get("SWITCHBOARD_SHARED", "../shared"))
    p.add_argument("--headcount", type=int, default=17)
    p.add_argument("--seconds", type=float, default=120)
    p.add_argument("--breaks", default="6,7,8,9,10")
    p.add_argument("--forecast")
    p.add_argument("--spread", type=float, default=0.3)
    args = p.parse_args()
    n_ops = args.headcount
    breaks = [int(b) for b in args.breaks.split(",")]
    calls, aht, week_aht = week(args.shared)
    aht = np.where(np.isfinite(aht) & (aht > 0), aht, week_aht)
    if args.forecast:
        planned_calls, planned_aht = forecast(args.forecast)
        nodes, weights = np.polynomial.hermite_e.hermegauss(9)
        weights = weights / weights.sum()

        def gain(i, n):  # expected calls answered in time, the calls normal around the forecast
            return sum(w * c * service_level(n, c, planned_aht[i])
                       for z, w in zip(nodes, weights) for c in [max(0.0, planned_calls[i] * (1 + args.spread * z))])
    else:
        planned_calls = calls

        def gain(i, n):
            return calls[i] * service_level(n, calls[i], aht[i])
    shifts = [(d, s, b, [d * 48 + s + k for k in range(SHIFT) if not b <= k < b + BREAK])
              for d in range(7) for s in STARTS for b in breaks]
    busy = [i for i in range(SLOTS) if planned_calls[i] > 0]
    nx, ny, npat = len(shifts), len(busy) * n_ops, len(PATTERNS)
    nv = nx + ny + npat
    # y[i][k] = 1: at least k+1 agents in busy interval i; its gain is the calls answered in time the (k+1)-th adds
    cost = np.zeros(nv)
    for j, i in enumerate(busy):
        before = 0.0
        for k in range(n_ops):
            g = gain(i, k + 1)
            cost[nx + j * n_ops + k] = -(g - before)
            before = g
    a = lil_matrix((len(busy) * n_ops + 8, nv))
    lo, hi, r = [], [], 0
    covering = {i: [] for i in busy}
    for t, (_, _, _, cov) in enumerate(shifts):
        for i in cov:
            if i in covering:
                covering[i].append(t)
    for j, i in enumerate(busy):
        for k in range(n_ops):
            a[r, nx + j * n_ops + k] = 1
        for t in covering[i]:
            a[r, t] = -1
        lo.append(0), hi.append(0)
        r += 1
        for k in range(n_ops - 1):
            a[r, nx + j * n_ops + k], a[r, nx + j * n_ops + k + 1] = 1, -1
            lo.append(0), hi.append(np.inf)
            r += 1
    for d in range(7):  # the shifts of a day = the operators whose pattern works it
        for t, (dd, _, _, _) in enumerate(shifts):
            if dd == d:
                a[r, t] = 1
        for q, off in enumerate(PATTERNS):
            if d not in off:
                a[r, nx + ny + q] = -1
        lo.append(0), hi.append(0)
        r += 1
    for q in range(npat):
        a[r, nx + ny + q] = 1
    lo.append(n_ops), hi.append(n_ops)
    r += 1
    upper = np.concatenate([np.full(nx, n_ops), np.ones(ny), np.full(npat, n_ops)])
    res = milp(cost, constraints=LinearConstraint(a[:r].tocsr(), lo, hi), integrality=np.ones(nv),
               bounds=Bounds(0, upper), options={"time_limit": args.seconds})
    total = planned_calls.sum()
    on = "the forecast" if args.forecast else "the real calls"
    print(f"BOUND headcount {n_ops}, break starts {breaks}, chosen on {on}: best roster found {-res.fun / total:.4f}, "
          f"no roster above {-res.mip_dual_bound / total:.4f} ({res.message})")

    # the roster found, assigned to operators: each day's shifts latest first to those who started latest the day before
    x = np.round(res.x).astype(int)
    off_days = [set(PATTERNS[q]) for q in range(npat) for _ in range(x[nx + ny + q])]
    previous = [None] * n_ops
    agents = np.zeros(SLOTS, int)
    short_rests = 0
    for d in range(7):
        today = sorted([(s, b) for t, (dd, s, b, _) in enumerate(shifts) if dd == d for _ in range(x[t])], reverse=True)
        working = sorted([o for o in range(n_ops) if d not in off_days[o]],
                         key=lambda o: -(previous[o] if previous[o] is not None else -1))
        assert len(today) == len(working)
        now = [None] * n_ops
        for o, (s, b) in zip(working, today):
            short_rests += previous[o] is not None and 48 + s - (previous[o] + SHIFT) < 22  # 11 h
            now[o] = s
            for k in range(SHIFT):
                if not b <= k < b + BREAK:
                    agents[d * 48 + s + k] += 1
        previous = now
    reached = sum(calls[i] * service_level(agents[i], calls[i], aht[i]) for i in range(SLOTS)) / calls.sum()
    print(f"BOUND the roster found, assigned to {n_ops} operators: service level on the real calls {reached:.4f}, "
          f"rests shorter than 11 h: {short_rests}")


if __name__ == "__main__":
    main()
