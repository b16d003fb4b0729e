-- Accounts and their grants (vn.daihoi.account). Security data, not domain history: see ADR 0006.
create table account (
    account_id    varchar(64)  primary key,
    username      varchar(64)  not null unique,
    password_hash varchar(255) not null,
    person_id     varchar(64),
    demo          boolean      not null default false,
    created_at    timestamptz  not null default now(),
    disabled      boolean      not null default false
);

-- role: ADMIN (scope ''), ORGANISER / AUDITOR (scope = unit id), COUNTING (scope = congress id)
create table account_grant (
    account_id varchar(64) not null references account (account_id),
    role       varchar(16) not null,
    scope_id   varchar(64) not null default '',
    primary key (account_id, role, scope_id)
);

-- Secrets the server generates once (the key of the voting-code hash).
create table app_secret (
    name  varchar(64) primary key,
    value bytea       not null
);

-- Who changed which account or grant, and when (no passwords, no personal data).
create table account_audit (
    at         timestamptz not null default now(),
    actor_id   varchar(64),
    action     varchar(32) not null,
    account_id varchar(64) not null,
    detail     varchar(255)
);
