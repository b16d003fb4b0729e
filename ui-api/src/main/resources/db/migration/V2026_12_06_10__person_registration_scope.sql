-- Which units' organisers registered a person (vn.daihoi.account.DataScope, ADR 0013): lets an organiser
-- read and correct a person he has registered before he puts him on a roll. An access fact, not a domain
-- event: no name, no date, only two ids.
create table person_registration (
    person_id varchar(64) not null,
    unit_id   varchar(64) not null,
    primary key (person_id, unit_id)
);
