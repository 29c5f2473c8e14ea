-- module rostering: open shifts a planner adds to a published roster (extra work nobody is planned for yet), besides
-- those an approved absence opened: such a row has no absence and no absent operator, and says who added it.
alter table open_shift
    alter column absent_operator_id drop not null,
    alter column absence_id drop not null,
    alter column absence_type drop not null,
    add column added_by varchar(100),
    add constraint open_shift_origin check (
        (absence_id is null) = (absent_operator_id is null)
        and (absence_id is null) = (absence_type is null)
        and (absence_id is null) = (added_by is not null));
