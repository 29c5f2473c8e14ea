-- module schedule: each operator's personal calendar feed (/calendar/{token}.ics). The token itself is never stored:
-- it is derived from the row's random nonce with the server's key (HMAC-SHA256), so the URL can be shown again, and
-- only its SHA-256 is kept for looking it up. Renewing draws a new nonce: the old URL answers 404 at once.
create table calendar_feed (
    operator_id bigint      primary key references operator (id) on delete cascade,
    token_hash  varchar(64) not null,
    nonce       bytea       not null,
    created_at  timestamptz not null,
    renewed_at  timestamptz,
    constraint calendar_feed_token_hash_unique unique (token_hash)
);

-- the key the tokens are derived with, drawn once (switchboard.calendar.feed-key overrides it; see docs)
create table calendar_feed_key (
    id         smallint    primary key default 1,
    secret     bytea       not null,
    created_at timestamptz not null,
    constraint calendar_feed_key_single check (id = 1)
);
