-- Queue mode: what the watchdog and the queue's status page need.

-- The execution's deadline (settings.timeout_seconds after its start), copied out of "state" like
-- the other list columns, so the watchdog finds overdue runs with one indexed query.
alter table executions add column deadline timestamp with time zone;
create index executions_deadline_idx on executions (deadline);

-- One row per live worker process, refreshed by its heartbeat; a row whose heartbeat is old
-- belongs to a worker that died or stopped (docs/queue.md, "Visibility").
create table workers (
    id                     varchar(64)  primary key,
    host                   varchar(255) not null,
    pid                    bigint       not null,
    roles                  varchar(64)  not null,
    version                varchar(32)  not null,
    started_at             timestamp with time zone not null,
    last_heartbeat_at      timestamp with time zone not null,
    in_flight              integer      not null,
    slots                  integer      not null,
    completed_last_minute  integer      not null
);
create index workers_heartbeat_idx on workers (last_heartbeat_at);
