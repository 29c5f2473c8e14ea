-- issue 24: shift templates limited to some contracts and/or teams (empty = everyone), as work plans in WFM suites;
-- a team's usual shift kinds (DAY, EVENING, NIGHT; empty = any) and whether other kinds are forbidden (hard) or only
-- cost (weighted). Ids of contracts and teams that are deleted later simply match nobody.
alter table shift_template
    add column eligible_contract_ids bigint[] not null default '{}',
    add column eligible_team_ids     bigint[] not null default '{}';

alter table team
    add column usual_shift_kinds      varchar(10)[] not null default '{}',
    add column usual_shift_kinds_hard boolean       not null default false,
    add constraint team_usual_shift_kinds_known
        check (usual_shift_kinds <@ array['DAY', 'EVENING', 'NIGHT']::varchar(10)[]);
