-- Issue 13, ADR 0024: what an election or a term needs of a congress and of other elections, kept by the congress's
-- and the election's own events in the transaction that records them (subscribing processors, like the directories),
-- so that no command handler loads another aggregate. vn.daihoi.infra.CommandLookupRebuild fills them from the event
-- store when cmd_lookup_version says they are older than the code (existing databases on upgrade).
create table cmd_assembly (
    congress_id     varchar(64) primary key,
    unit_id         varchar(64) not null,
    kind            varchar(32) not null,
    purpose         varchar(32),
    of_congress_id  varchar(64),
    status          varchar(16) not null,
    profile         text        not null,
    announced_seats integer     not null,
    approved_seats  integer,
    term_start      integer     not null,
    term_end        integer     not null,
    held_on         date
);

create table cmd_assembly_seat (
    congress_id varchar(64) not null,
    delegate_id varchar(64) not null,
    person_id   varchar(64) not null,
    category    varchar(16) not null,
    replaced    boolean     not null default false,
    replacing   boolean     not null default false,
    rejected    boolean     not null default false,
    present     boolean     not null default false,
    primary key (congress_id, delegate_id)
);

create table cmd_assembly_decision (
    seq         bigserial   not null,
    congress_id varchar(64) not null,
    decision_id varchar(64) not null,
    subject     varchar(32) not null,
    person_ids  text        not null,
    passed      boolean     not null,
    primary key (congress_id, decision_id)
);

alter table cmd_election add column unit_id varchar(64);
alter table cmd_election add column seats integer;
alter table cmd_election add column open_rounds integer not null default 0;

create table cmd_election_candidate (
    election_id  varchar(64) not null,
    candidate_id varchar(64) not null,
    person_id    varchar(64) not null,
    primary key (election_id, candidate_id)
);

create table cmd_election_elected (
    seq          bigserial   not null,
    election_id  varchar(64) not null,
    candidate_id varchar(64) not null,
    primary key (election_id, candidate_id)
);

create table cmd_lookup_version (
    name    varchar(64) primary key,
    version integer     not null
);
