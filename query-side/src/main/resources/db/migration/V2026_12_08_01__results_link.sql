-- Issue 11: a counted round's results published under an unguessable public link (RoundResultsPublished).
create table results_link (
    link_id      varchar(64) primary key,
    election_id  varchar(64) not null,
    round        integer     not null,
    published_at timestamptz not null,
    unique (election_id, round)
);
