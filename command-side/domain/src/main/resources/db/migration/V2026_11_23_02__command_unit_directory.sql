-- The command side's unit directory (vn.daihoi.organisation.infra.JdbcUnitDirectory): codes, lives and parents over time.
create table cmd_unit (
    unit_id       varchar(64) primary key,
    code          varchar(40) not null,
    code_key      varchar(40) not null unique,
    kind          varchar(32) not null,
    registered_on date        not null,
    ended_on      date
);

create table cmd_unit_parent (
    unit_id        varchar(64) not null references cmd_unit (unit_id),
    valid_from     date        not null,
    parent_unit_id varchar(64),
    primary key (unit_id, valid_from)
);
create index cmd_unit_parent_by_parent on cmd_unit_parent (parent_unit_id);
