-- Election read models (vn.daihoi.election.ElectionProjection).
create table election_view (
    election_id   varchar(64) primary key,
    congress_id   varchar(64) not null,
    unit_id       varchar(64) not null,
    body          varchar(32) not null,
    title         varchar(255) not null,
    seats         integer     not null,
    list_approved boolean     not null default false,
    ballot_order  varchar(64)[],
    elected       varchar(64)[] not null default '{}'
);
create index election_view_by_congress on election_view (congress_id);

create table candidate_view (
    election_id  varchar(64) not null,
    candidate_id varchar(64) not null,
    person_id    varchar(64) not null,
    source       varchar(32) not null,
    nominated_by varchar(64),
    application  varchar(255),
    withdrawn    boolean     not null default false,
    ordinal      integer     not null,
    primary key (election_id, candidate_id)
);

create table round_view (
    election_id   varchar(64)   not null,
    round         integer       not null,
    candidate_ids varchar(64)[] not null,
    seats         integer       not null,
    voters        integer       not null,
    summoned      integer       not null,
    present       integer       not null,
    status        varchar(16)   not null,
    participants  integer,
    electronic    integer,
    paper         integer,
    issued        integer,
    spoiled       integer,
    not_returned  integer,
    collected     integer,
    valid         integer,
    invalid       integer,
    tied          varchar(64)[],
    tie_seats     integer,
    vacancies     integer,
    opened_at     timestamptz   not null,
    closed_at     timestamptz,
    primary key (election_id, round)
);

create table round_result_line (
    election_id  varchar(64) not null,
    round        integer     not null,
    rank         integer     not null,
    candidate_id varchar(64) not null,
    votes        integer     not null,
    percent      varchar(8)  not null,
    outcome      varchar(24) not null,
    primary key (election_id, round, candidate_id)
);

-- Published ballots: tracking code and content, in content order; no voter.
create table published_ballot (
    election_id   varchar(64)   not null,
    round         integer       not null,
    position      integer       not null,
    tracking_code varchar(16),
    kept          varchar(64)[] not null,
    invalid       varchar(24),
    paper         boolean       not null,
    primary key (election_id, round, position)
);
