-- Workflows and their immutable versions. Portable SQL (H2 in PostgreSQL mode and PostgreSQL).
--
-- The list endpoint must stay fast with many workflows, so everything it shows lives in the
-- `workflows` row (name, description, tags, trigger type, current version): one indexed query per
-- page, no join to the versions and their large documents. Tags are stored twice on purpose: as a
-- JSON array in `tags` to render the list, and one row per tag in `workflow_tags` to filter by tag.

create table workflows (
    id               uuid          primary key,
    owner_id         uuid          not null references users (id) on delete cascade,
    name             varchar(200)  not null,
    -- name lower-cased: uniqueness per owner is case-insensitive without an expression index.
    name_key         varchar(200)  not null,
    description      varchar(10000),
    -- JSON array of strings; 20 tags of 50 characters fit even with every character escaped.
    tags             varchar(8000) not null,
    trigger_type     varchar(100)  not null,
    active           boolean       not null default false,
    current_version  integer       not null,
    created_at       timestamp with time zone not null,
    updated_at       timestamp with time zone not null,
    constraint workflows_owner_name_uq unique (owner_id, name_key)
);
-- Keyset pagination "order by updated_at desc, id desc": one index for a user's own list and
-- one for admins and observers, who list everyone's.
create index workflows_owner_updated_idx on workflows (owner_id, updated_at, id);
create index workflows_updated_idx on workflows (updated_at, id);

create table workflow_tags (
    workflow_id  uuid         not null references workflows (id) on delete cascade,
    tag          varchar(64)  not null,
    primary key (workflow_id, tag)
);
create index workflow_tags_tag_idx on workflow_tags (tag, workflow_id);

create table workflow_versions (
    workflow_id  uuid          not null references workflows (id) on delete cascade,
    version      integer       not null,
    definition   text          not null,
    message      varchar(500),
    -- who saved it; kept when that account is deleted, so the history stays intact.
    created_by   uuid,
    created_at   timestamp with time zone not null,
    primary key (workflow_id, version)
);
