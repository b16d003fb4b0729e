-- Read models of terms of office (vn.daihoi.term.TermProjection), query-side.
create table term_view (
    leadership_id        varchar(120) primary key,
    unit_id              varchar(64)  not null,
    term_start           integer      not null,
    term_end             integer      not null,
    congress_id          varchar(64),
    congress_ordinal     integer,
    congress_date        date,
    seats                integer      not null,
    status               varchar(16)  not null,
    imported             boolean      not null,
    provisional_reason   varchar(32),
    term_shift_months    integer,
    term_shift_number    varchar(120),
    term_shift_signed_on date,
    term_shift_issuer    varchar(255),
    recognised_on        date,
    recognition_number   varchar(120),
    recognition_signed_on date,
    recognition_issuer   varchar(255),
    recognised_by        varchar(64),
    refusal_reason       varchar(1000),
    election_ids         varchar(64)[] not null,
    additions            integer      not null default 0
);
create index term_view_by_unit on term_view (unit_id, term_start);

create table holding_view (
    holding_id       varchar(160) primary key,
    leadership_id    varchar(120) not null,
    unit_id          varchar(64)  not null,
    ordinal          integer      not null,
    person_id        varchar(64)  not null,
    office           varchar(32)  not null,
    began            varchar(32)  not null,
    started_on       date,
    start_number     varchar(120),
    start_signed_on  date,
    start_issuer     varchar(255),
    election_id      varchar(64),
    ended_on         date,
    ended            varchar(32),
    end_number       varchar(120),
    end_signed_on    date,
    end_issuer       varchar(255)
);
create index holding_view_by_unit on holding_view (unit_id, started_on);
create index holding_view_by_person on holding_view (person_id);
create index holding_view_by_leadership on holding_view (leadership_id, ordinal);

create table term_change (
    leadership_id    varchar(120) not null,
    seq              bigint       not null,
    on_date          date         not null,
    kind             varchar(40)  not null,
    person_id        varchar(64),
    office           varchar(32),
    how              varchar(32),
    decision_number  varchar(120),
    decision_signed_on date,
    decision_issuer  varchar(255),
    consent_number   varchar(120),
    consent_signed_on date,
    consent_issuer   varchar(255),
    primary key (leadership_id, seq)
);

create table season_deadline (
    federation_unit_id varchar(64) not null,
    term_start         integer     not null,
    congress_by        date        not null,
    recognition_by     date,
    decision_number    varchar(120),
    decision_signed_on date,
    decision_issuer    varchar(255),
    primary key (federation_unit_id, term_start)
);
