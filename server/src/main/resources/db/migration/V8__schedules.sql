-- Schedules: one row per ACTIVE workflow whose current version's trigger is trigger.schedule. The
-- row is written in the same transaction as the save or activation that makes it so, and deleted
-- by the one that ends it (deactivation, a version with another trigger, deleting the workflow).
-- Portable SQL.
--
-- next_fire_at is the first occurrence not fired yet; null once the schedule has ended (end_at).
-- A scheduler fires it by locking the row, starting the execution (idempotency key
-- 'schedule:<occurrence>') and moving next_fire_at on, all in one transaction; so the row, not any
-- scheduler's memory, decides what fires. generation counts the changes of the schedule itself
-- (saves, activation), and changed_at says when the last one was: schedulers re-read rows changed
-- since they last looked, to catch a change whose notification they missed. Firing moves only
-- next_fire_at.
create table schedules (
    workflow_id       uuid          primary key references workflows (id) on delete cascade,
    owner_id          uuid          not null references users (id) on delete cascade,
    workflow_version  integer       not null,
    config            text          not null,
    next_fire_at      timestamp with time zone,
    generation        bigint        not null,
    changed_at        timestamp with time zone not null
);
create index schedules_next_fire_idx on schedules (next_fire_at);
create index schedules_changed_idx on schedules (changed_at);
