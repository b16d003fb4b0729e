-- The electronic ballot box (vn.daihoi.election.infra.JdbcBallotBox, ADR 0008).
create table ballot_round (
    election_id      varchar(64)   not null,
    round            integer       not null,
    candidate_ids    varchar(64)[] not null,
    seats            integer       not null,
    strike_all_valid boolean       not null,
    open             boolean       not null,
    primary key (election_id, round)
);

-- The round's key: seals ballots while the round is open, derives tracking codes; deleted at close.
create table ballot_round_key (
    election_id varchar(64) not null,
    round       integer     not null,
    key_bytes   bytea       not null,
    primary key (election_id, round)
);

-- Who may vote in the round and who took part; the idempotency hash is forgotten at close.
create table ballot_round_voter (
    election_id varchar(64) not null,
    round       integer     not null,
    delegate_id varchar(64) not null,
    took_part   boolean     not null default false,
    idem_hash   bytea,
    -- R-29: a voter issued a paper ballot does not vote electronically.
    paper       boolean     not null default false,
    primary key (election_id, round, delegate_id)
);

-- Sealed ballots: deliberately no id, no voter, no time.
create table ballot_box (
    election_id varchar(64) not null,
    round       integer     not null,
    sealed      bytea       not null
);
create index ballot_box_by_round on ballot_box (election_id, round);
