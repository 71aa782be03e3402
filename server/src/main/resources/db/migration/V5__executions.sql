-- Executions: one row per run of one workflow version. The engine's ExecutionState (steps,
-- inputs, outputs, errors) is kept whole as JSON in "state"; the other columns are copies of the
-- fields the list filters and sorts on, kept in step with "state" on every save.
--
-- No foreign key to workflows: history may outlive a deleted workflow, and a queue item only
-- points at an execution (see V4).

create table executions (
    id                uuid          primary key,
    workflow_id       uuid          not null,
    workflow_version  integer       not null,
    owner_id          uuid          not null,
    trigger_kind      varchar(32)   not null,
    status            varchar(16)   not null,
    idempotency_key   varchar(255),
    rerun_of          uuid,
    created_at        timestamp with time zone not null,
    started_at        timestamp with time zone,
    finished_at       timestamp with time zone,
    duration_ms       bigint,
    error_code        varchar(64),
    error_message     text,
    -- A draft document run through a webhook's test path; null: compile the pinned version.
    draft_definition  text,
    state             text          not null,
    -- Optimistic concurrency: every save checks and bumps it, so two writers never overwrite.
    revision          bigint        not null,
    constraint executions_status_ck
        check (status in ('queued', 'running', 'waiting', 'succeeded', 'failed', 'cancelled')),
    -- NULL keys never collide, so runs without a key are unaffected (H2 has no partial indexes).
    constraint executions_idempotency_uq unique (workflow_id, idempotency_key)
);
-- The list, newest first, keyset on (created_at, id): by owner, by workflow, and for admins.
create index executions_owner_idx on executions (owner_id, created_at, id);
create index executions_workflow_idx on executions (workflow_id, created_at, id);
create index executions_created_idx on executions (created_at, id);
create index executions_status_idx on executions (status, created_at);
