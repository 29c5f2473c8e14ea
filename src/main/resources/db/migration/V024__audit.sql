-- module audit: the audit trail, append-only. One row per change that matters (publishing, roster edits, decisions,
-- swaps applied, substitutions, master data, users and roles, failed sign-ins and lockouts), written in the changing
-- transaction. Facts only: who (the user name, "system" for automatic work), when, what (kind, subject), the state
-- before and after and the facts of the change as JSON; the sentence is rendered when read, in the reader's language.
create table audit_entry (
    id           bigint generated always as identity primary key,
    occurred_at  timestamptz  not null,
    actor        varchar(100) not null,
    kind         varchar(40)  not null,
    subject_type varchar(40)  not null,
    subject_id   varchar(100) not null,
    before       jsonb,
    after        jsonb,
    facts        jsonb        not null default '{}'::jsonb
);

-- the screen and GET /api/audit: newest first, by time, actor or kind; a user's account as subject
create index audit_entry_at on audit_entry (occurred_at desc, id desc);
create index audit_entry_actor on audit_entry (actor, occurred_at desc);
create index audit_entry_kind on audit_entry (kind, occurred_at desc);
create index audit_entry_subject on audit_entry (subject_type, subject_id);

-- append-only: what was written stays as it was written
create function audit_entry_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'the audit trail is append-only: % on audit_entry refused', tg_op
        using errcode = 'restrict_violation';
end
$$;

create trigger audit_entry_no_update_or_delete before update or delete on audit_entry
    for each row execute function audit_entry_append_only();

create trigger audit_entry_no_truncate before truncate on audit_entry
    for each statement execute function audit_entry_append_only();
