-- The command side's leadership directory (vn.daihoi.term.infra.JdbcTermDirectory).
create table cmd_leadership (
    leadership_id varchar(120) primary key,
    unit_id       varchar(64)  not null,
    term_start    integer      not null,
    provisional   boolean      not null,
    started_on    date
);
-- One elected or imported leadership per unit and term; provisional committees stand beside them (R-52).
create unique index cmd_leadership_one_per_term on cmd_leadership (unit_id, term_start) where not provisional;
