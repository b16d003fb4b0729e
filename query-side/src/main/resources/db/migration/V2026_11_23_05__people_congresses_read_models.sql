-- Read models of people, congresses, their rolls and decisions (query-side).
create table person_view (
    person_id  varchar(64) primary key,
    full_name  varchar(200),
    birth_date date,
    gender     varchar(32),
    phone      varchar(64),
    email      varchar(200),
    erased     boolean not null default false
);

create table congress_view (
    congress_id     varchar(64) primary key,
    unit_id         varchar(64) not null,
    ordinal         integer     not null,
    term_start      integer     not null,
    term_end        integer     not null,
    kind            varchar(16) not null,
    pilot           boolean     not null,
    pilot_chosen_by varchar(64),
    congress_date   date        not null,
    venue           varchar(255) not null,
    announced_seats integer     not null,
    approved_seats  integer,
    profile_id      varchar(64) not null,
    quorum_num      integer     not null,
    quorum_den      integer     not null,
    status          varchar(16) not null
);
create index congress_view_by_unit on congress_view (unit_id, term_start);

create table delegate_view (
    congress_id    varchar(64) not null,
    delegate_id    varchar(64) not null,
    person_id      varchar(64) not null,
    code           varchar(40) not null,
    category       varchar(16) not null,
    basis          varchar(16),
    position       varchar(255),
    replaced_by    varchar(64),
    replaces       varchar(64),
    rejected       boolean     not null default false,
    present        boolean     not null default false,
    last_arrival   timestamptz,
    last_departure timestamptz,
    has_credential boolean     not null default false,
    primary key (congress_id, delegate_id)
);

create table decision_view (
    congress_id  varchar(64)   not null,
    decision_id  varchar(64)   not null,
    subject      varchar(32)   not null,
    title        varchar(255),
    person_ids   varchar(64)[] not null,
    seats        integer,
    votes_for    integer       not null,
    votes_against integer      not null,
    abstentions  integer       not null,
    summoned     integer       not null,
    present      integer       not null,
    quorum_met   boolean       not null,
    passed       boolean       not null,
    recorded_at  timestamptz   not null,
    primary key (congress_id, decision_id)
);
