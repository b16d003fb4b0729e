-- ADR 0017: the ballot box is sealed by the counting committee. The server keeps only the round's public key;
-- the seed of its private key exists as k-of-n shares held by the committee's members.

-- A round accepts ballots only once every member took his share. Rounds opened before this release keep
-- their own key (key_bytes) and need no shares.
alter table ballot_round add column sealed boolean not null default true;

alter table ballot_round_key alter column key_bytes drop not null;
alter table ballot_round_key add column public_key    bytea;
alter table ballot_round_key add column fingerprint   varchar(19);
alter table ballot_round_key add column shares_needed integer;
alter table ballot_round_key add column padded_length integer;

-- Which member holds which share, and a commitment (SHA-256) that tells a presented share from a forged one.
-- Never the share: the shares themselves leave the server's memory as they are handed out.
create table ballot_round_share (
    election_id      varchar(64) not null,
    round            integer     not null,
    x                integer     not null,
    holder_person_id varchar(64) not null,
    commitment       bytea       not null,
    taken            boolean     not null default false,
    primary key (election_id, round, x),
    unique (election_id, round, holder_person_id)
);

-- R-23: the receipt of a retried cast, sealed under a key only the voter's own Idempotency-Key derives.
alter table ballot_round_voter add column idem_receipt bytea;
