-- Confidence votes on the election engine (R-60 to R-64, ADR 0010).
-- Listed officials stand in candidate_view with their office and no nomination source.
alter table candidate_view alter column source drop not null;
alter table candidate_view add column office varchar(255);

-- A published confidence ballot: one "candidateId:LEVEL" or "candidateId:!REASON" per listed person, list order.
alter table published_ballot add column ratings varchar(100)[];

-- R-63, R-64: the count of a confidence round, copied from ConfidenceRoundCounted, never recomputed.
create table confidence_round (
    election_id   varchar(64) not null,
    round         integer     not null,
    issued        integer     not null,
    collected     integer     not null,
    whole_invalid integer     not null,
    primary key (election_id, round)
);

create table confidence_result_line (
    election_id        varchar(64) not null,
    round              integer     not null,
    position           integer     not null,
    candidate_id       varchar(64) not null,
    valid              integer     not null,
    invalid            integer     not null,
    high               integer     not null,
    confidence         integer     not null,
    low                integer     not null,
    percent_high       varchar(8)  not null,
    percent_confidence varchar(8)  not null,
    percent_low        varchar(8)  not null,
    review             boolean     not null,
    dismissal          boolean     not null,
    primary key (election_id, round, candidate_id)
);
