-- Credentials: encrypted secrets that nodes use to call other services. Only metadata is
-- readable here; encrypted_data is a SecretBox envelope (AES-256-GCM, base64) of the JSON of
-- the typed value, bound to this row's id, owner and type. key_fingerprint repeats the
-- fingerprint inside the envelope so operators can see which master key a row needs.

create table credentials (
    id               uuid          primary key,
    owner_id         uuid          not null references users (id) on delete cascade,
    name             varchar(100)  not null,
    credential_type  varchar(64)   not null,
    encrypted_data   text          not null,
    key_fingerprint  varchar(16)   not null,
    created_at       timestamp with time zone not null,
    updated_at       timestamp with time zone not null,
    last_used_at     timestamp with time zone,
    constraint credentials_owner_name_uq unique (owner_id, name)
);
-- Keyset pagination, per owner and (for admins and observers) across owners.
create index credentials_owner_created_idx on credentials (owner_id, created_at, id);
create index credentials_created_idx on credentials (created_at, id);
