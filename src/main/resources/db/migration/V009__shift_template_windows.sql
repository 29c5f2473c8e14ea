-- module rostering: start windows of shift templates (a latest start and the step between starts; no latest start
-- = fixed start) and floating breaks (a latest offset; null = fixed at offset_minutes)
alter table shift_template
    add column latest_start_time  time,
    add column start_step_minutes integer,
    add constraint shift_template_start_window check (
        latest_start_time is null or (latest_start_time >= start_time and start_step_minutes is not null)),
    add constraint shift_template_start_step check (start_step_minutes is null or start_step_minutes between 1 and 720);

alter table shift_template_break
    add column latest_offset_minutes integer,
    add constraint shift_break_window check (latest_offset_minutes is null or latest_offset_minutes >= offset_minutes);
