-- module security: wrong passwords in a row, the last one, and a lock after too many (see SignInGuard)
alter table app_user
    add column failed_sign_ins     integer     not null default 0,
    add column last_failed_sign_in timestamptz,
    add column locked_until        timestamptz;
