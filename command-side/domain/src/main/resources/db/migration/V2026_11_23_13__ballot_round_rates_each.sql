-- Confidence rounds (R-60, ADR 0010) use the same ballot box; their ballots rate every listed person.
alter table ballot_round add column rates_each boolean not null default false;
