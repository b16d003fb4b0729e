-- Issue 10, ADR 0018: public keys of the federations (and of the instance) and the signed checkpoints.
-- Private keys never enter the database: one file per key under the data folder's federation-keys/ (ADR 0018).
create table federation_key (
    key_id     varchar(64)  primary key,
    unit_id    varchar(64),            -- null: the instance key (periodic checkpoints)
    algorithm  varchar(16)  not null default 'Ed25519',
    public_key bytea        not null,  -- X.509 SubjectPublicKeyInfo, DER
    created_at timestamptz  not null,
    retired_at timestamptz
);
-- One key in use per federation (and one for the instance); retired keys stay for verifying.
create unique index federation_key_in_use on federation_key (coalesce(unit_id, '*')) where retired_at is null;

create table checkpoint (
    checkpoint_id bigserial    primary key,
    kind          varchar(16)  not null check (kind in ('round', 'term', 'periodic')),
    subject       varchar(255) not null,
    up_to         bigint       not null,
    statement     text         not null,  -- the signed text, authoritative; the other columns are for lookups
    signature     text         not null,  -- base64 Ed25519 over the statement's UTF-8 bytes
    key_id        varchar(64)  not null references federation_key (key_id),
    fingerprint   varchar(19)  not null,
    -- the digest's lines (aggregateId TAB lastSequence TAB headHash), so that a verifier names the stream that changed;
    -- authentic only when their SHA-256 equals the signed digest
    heads         text         not null
);
-- A round or a term is checkpointed once, whatever replays or restarts do.
create unique index checkpoint_once on checkpoint (kind, subject) where kind <> 'periodic';
create index checkpoint_by_kind on checkpoint (kind, up_to);
