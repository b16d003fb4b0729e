-- ADR 0017: the state of a round's ballot box as the events tell it (never a share): its key's fingerprint, who
-- holds shares and who took his, whether it is sealed, whose shares opened it, and a void round's decision.
alter table round_view add column sealed        boolean       not null default true;
alter table round_view add column key_fingerprint varchar(19);
alter table round_view add column shares_needed integer;
alter table round_view add column share_holders varchar(64)[] not null default '{}';
alter table round_view add column shares_taken  varchar(64)[] not null default '{}';
alter table round_view add column opened_by     varchar(64)[] not null default '{}';
alter table round_view add column void_reason   text;
alter table round_view add column void_decision text;
