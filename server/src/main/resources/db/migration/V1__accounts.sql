-- Accounts, sessions and API keys. Portable SQL: the same file runs on H2 (PostgreSQL mode)
-- and PostgreSQL. Usernames are stored lower-cased, which keeps uniqueness case-insensitive
-- without an expression index (H2 has none).

create table users (
    id              uuid primary key,
    username        varchar(64)  not null,
    email           varchar(254),
    password_hash   varchar(100),
    role            varchar(16)  not null,
    enabled         boolean      not null default true,
    failed_logins   integer      not null default 0,
    locked_until    timestamp with time zone,
    created_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null,
    constraint users_username_uq unique (username)
);
-- Admin listing pages by (created_at, id).
create index users_created_idx on users (created_at, id);

create table refresh_tokens (
    id          uuid primary key,
    user_id     uuid         not null references users (id) on delete cascade,
    family_id   uuid         not null,
    token_hash  varchar(64)  not null,
    created_at  timestamp with time zone not null,
    expires_at  timestamp with time zone not null,
    used_at     timestamp with time zone,
    revoked_at  timestamp with time zone,
    constraint refresh_tokens_hash_uq unique (token_hash)
);
create index refresh_tokens_family_idx on refresh_tokens (family_id);
create index refresh_tokens_user_idx on refresh_tokens (user_id);

create table api_keys (
    id            uuid primary key,
    user_id       uuid         not null references users (id) on delete cascade,
    name          varchar(100) not null,
    prefix        varchar(16)  not null,
    key_hash      varchar(64)  not null,
    scopes        varchar(64)  not null,
    created_at    timestamp with time zone not null,
    expires_at    timestamp with time zone,
    last_used_at  timestamp with time zone,
    revoked_at    timestamp with time zone,
    constraint api_keys_hash_uq unique (key_hash)
);
create index api_keys_user_idx on api_keys (user_id, created_at);

-- Small instance-wide settings that admins change at run time (e.g. open registration).
create table system_settings (
    name          varchar(64) primary key,
    setting_value varchar(1000) not null,
    updated_at    timestamp with time zone not null
);

-- Registration is closed until an admin opens it. Registering also locks this row
-- (select ... for update), which is what makes "the first user becomes admin" race-safe.
insert into system_settings (name, setting_value, updated_at) values ('registration_open', 'false', current_timestamp);
