-- module security: the language a user chose for the UI (a BCP 47 tag such as 'en' or 'ru'); null = not chosen yet,
-- then the browser's language applies
alter table app_user
    add column locale varchar(16);
