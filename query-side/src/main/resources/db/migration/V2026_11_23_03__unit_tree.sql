-- Read model of the organisation tree (vn.daihoi.organisation.UnitProjection).
-- unit_version: one row per period in which a unit's name and parent stayed the same; valid_to is exclusive.
create table unit_version (
    unit_id        varchar(64)  not null,
    valid_from     date         not null,
    valid_to       date,
    code           varchar(40)  not null,
    name           varchar(255) not null,
    kind           varchar(32)  not null,
    parent_unit_id varchar(64),
    primary key (unit_id, valid_from)
);
create index unit_version_by_parent on unit_version (parent_unit_id, valid_from);

create table unit_summary (
    unit_id       varchar(64) primary key,
    code          varchar(40) not null,
    code_key      varchar(40) not null unique,
    registered_on date        not null,
    ended_on      date,
    status        varchar(16) not null
);

create table unit_change (
    unit_id             varchar(64)  not null,
    sequence_number     bigint       not null,
    change_type         varchar(32)  not null,
    effective_on        date         not null,
    decision_number     varchar(128) not null,
    decision_signed_on  date,
    decision_issued_by  varchar(255),
    name                varchar(255),
    from_parent_unit_id varchar(64),
    to_parent_unit_id   varchar(64),
    related_unit_ids    varchar(64)[] not null default '{}',
    recorded_at         timestamptz  not null,
    primary key (unit_id, sequence_number)
);
