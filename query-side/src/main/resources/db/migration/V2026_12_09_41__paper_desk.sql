-- Issue 12: the counting desk's read model of a round's paper ballots (vn.daihoi.election.PaperDeskProjection, R-29):
-- how many were handed out and exchanged, the committee's not-returned count, and each member's current entry of each
-- sheet. A sheet number is the order in which the committee takes ballots from the box: it names no voter (R-23).
create table paper_round (
    election_id  varchar(64) not null,
    round        integer     not null,
    handed_out   integer     not null default 0,
    spoiled      integer     not null default 0,
    not_returned integer,
    primary key (election_id, round)
);

create table paper_entry (
    election_id       varchar(64)   not null,
    round             integer       not null,
    sheet             integer       not null,
    entered_by        varchar(64)   not null,
    kept              varchar(64)[] not null,
    invalid           varchar(32),
    ratings           text,
    correction_reason text,
    corrections       integer       not null default 0,
    entered_at        timestamptz   not null,
    primary key (election_id, round, sheet, entered_by)
);
