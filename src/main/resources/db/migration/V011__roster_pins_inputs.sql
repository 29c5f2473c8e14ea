-- module rostering: days a planner edited by hand and pinned (the solver keeps them), and when a draft's inputs
-- (requirements, operators, contracts) last changed, so a draft solved before that says it is stale.

-- one row per pinned operator day of a roster: the day is what roster_assignment holds for it, a day off when it
-- holds nothing (a pinned day off has no assignment row)
create table roster_pin (
    roster_id   bigint      not null references roster (id) on delete cascade,
    operator_id bigint      not null references operator (id),
    work_date   date        not null,
    pinned_at   timestamptz not null,
    pinned_by   varchar(100) not null,
    primary key (roster_id, operator_id, work_date)
);

alter table roster add column inputs_changed_at timestamptz;

-- the operator-intervals the period requires when the roster was last scored: 0 = no demand (covered share means
-- nothing then); null for rosters stored before
alter table roster add column required_operator_intervals bigint;
