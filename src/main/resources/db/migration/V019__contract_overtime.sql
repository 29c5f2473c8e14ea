-- module operators: overtime a contract allows on top of its weekly maximum. Rosters are planned within the maximum;
-- only substitution (covering an absence) may use the allowance. Minutes per ISO week; 0 = no overtime.
alter table contract add column max_overtime_minutes_per_week integer not null default 0;
alter table contract add constraint contract_overtime check (max_overtime_minutes_per_week >= 0);

alter table contract_preset add column max_overtime_minutes_per_week integer not null default 0;
alter table contract_preset add constraint contract_preset_overtime check (max_overtime_minutes_per_week >= 0);

-- Russian Labour Code art. 99: at most 120 h of overtime a year (and 4 h on two days in a row): 4 h a week on average.
update contract_preset set max_overtime_minutes_per_week = 4 * 60 where name like 'Russian Labour Code:%';
-- EU Working Time Directive: a 48 h average week; on a 40 h contract that leaves 8 h (the 48 h preset has none left).
update contract_preset set max_overtime_minutes_per_week = 8 * 60 where name = 'EU Working Time Directive: 40 h';
