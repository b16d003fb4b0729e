-- Per-person keys (vn.daihoi.person.infra.JdbcPersonalDataVault). Deleting a row is erasure (ADR 0005).
create table person_key (
    person_id  varchar(64) primary key,
    key_bytes  bytea       not null
);

-- The command side's person directory (vn.daihoi.person.infra.JdbcPersonDirectory).
create table cmd_person (
    person_id varchar(64) primary key
);

-- The command side's congress directory (vn.daihoi.congress.infra.JdbcCongressDirectory).
create table cmd_congress (
    congress_id varchar(64) primary key,
    unit_id     varchar(64) not null,
    term_start  integer     not null,
    ordinal     integer     not null,
    open        boolean     not null,
    cancelled   boolean     not null
);
-- R-10: one open congress per unit and term.
create unique index cmd_congress_one_open on cmd_congress (unit_id, term_start) where open;

-- Voting credentials (vn.daihoi.delegate.infra.JdbcVotingCredentials): keyed hashes of one-time codes.
create table voting_credential (
    credential_id varchar(64) primary key,
    congress_id   varchar(64) not null,
    delegate_id   varchar(64) not null,
    code_hash     bytea       not null unique,
    state         varchar(16) not null
);

-- Bearer tokens for accounts and voters (vn.daihoi.account): only the SHA-256 of each token is stored.
create table auth_token (
    token_hash    bytea        primary key,
    account_id    varchar(64),
    congress_id   varchar(64),
    delegate_id   varchar(64),
    credential_id varchar(64),
    expires_at    timestamptz  not null,
    revoked       boolean      not null default false
);
create index auth_token_by_credential on auth_token (credential_id);
