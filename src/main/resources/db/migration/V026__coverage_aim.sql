-- What a roster's coverage rule weighs a missing operator by (CoverageAim), and the projected service level of its
-- stored assignments. Rosters made before were planned by operators, and keep that; new ones aim at the service level.
alter table roster add column coverage_aim varchar(20) not null default 'OPERATORS'
    check (coverage_aim in ('SERVICE_LEVEL', 'OPERATORS'));
alter table roster alter column coverage_aim set default 'SERVICE_LEVEL';
alter table roster add column service_level double precision;
