-- Webhook endpoints: one row per workflow whose trigger is (or was) trigger.webhook. Portable SQL.
--
-- token_path is the unguessable part of /webhook/{token} and /webhook-test/{token}; rotating it
-- replaces it, so the old URL stops working at once. custom_path mirrors the current version's
-- trigger config "path" (null when there is none, or the trigger is not a webhook any more), and
-- is unique per owner: /webhook/u/{username}/{custom_path} names exactly one workflow. The row
-- outlives a change of trigger type, so switching back keeps the URL.
create table webhook_endpoints (
    workflow_id   uuid          primary key references workflows (id) on delete cascade,
    owner_id      uuid          not null references users (id) on delete cascade,
    token_path    varchar(64)   not null,
    custom_path   varchar(200),
    created_at    timestamp with time zone not null,
    rotated_at    timestamp with time zone,
    constraint webhook_endpoints_token_uq unique (token_path),
    constraint webhook_endpoints_custom_uq unique (owner_id, custom_path)
);
