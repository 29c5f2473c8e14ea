-- module demand: callers' average patience; set, staffing uses Erlang A (M/M/N+M) and the abandonment target
alter table queue add column patience_seconds integer;
alter table queue add constraint queue_patience_range check (patience_seconds is null or patience_seconds between 1 and 3600);
