-- Issue 10, ADR 0018: a hash chain per aggregate stream, written by the database in the transaction of the append,
-- so every writer is covered and the bytes hashed are the bytes stored.
--   H = SHA-256( P || SHA-256(header) || SHA-256(payload) || SHA-256(meta) )
--   P = the stream's previous entry_hash (32 zero bytes for sequence 0)
--   header = UTF-8 of event_identifier \n aggregate_identifier \n sequence_number \n coalesce(type,'') \n time_stamp
--            \n payload_type \n coalesce(payload_revision,'');  meta = meta_data, empty when null.
create table event_chain (
    global_index         bigint       primary key,
    aggregate_identifier varchar(255) not null,
    sequence_number      bigint       not null,
    entry_hash           bytea        not null,
    unique (aggregate_identifier, sequence_number)
);

-- Facts that call for a signed checkpoint (a counted round, a recognised term), queued in the transaction of the
-- append, so that none is missed after a crash; vn.daihoi.audit.Checkpoints takes them (ADR 0018). Index only.
create table checkpoint_due (
    global_index bigint       primary key,
    payload_type varchar(255) not null
);

create function daihoi_entry_hash(previous bytea, event_identifier varchar, aggregate_identifier varchar,
                                  sequence_number bigint, type varchar, time_stamp varchar, payload_type varchar,
                                  payload_revision varchar, payload bytea, meta_data bytea) returns bytea
    language sql immutable as
$$
select sha256(previous
    || sha256(convert_to(event_identifier || E'\n' || aggregate_identifier || E'\n' || sequence_number::text || E'\n'
                         || coalesce(type, '') || E'\n' || time_stamp || E'\n' || payload_type || E'\n'
                         || coalesce(payload_revision, ''), 'UTF8'))
    || sha256(payload)
    || sha256(coalesce(meta_data, ''::bytea)))
$$;

create function daihoi_chain_event() returns trigger
    language plpgsql as
$$
declare
    previous bytea;
begin
    if new.sequence_number = 0 then
        previous := decode(repeat('00', 32), 'hex');
    else
        select c.entry_hash into previous from event_chain c
         where c.aggregate_identifier = new.aggregate_identifier and c.sequence_number = new.sequence_number - 1;
        if previous is null then
            raise exception 'event chain: stream % has no entry before sequence %', new.aggregate_identifier, new.sequence_number
                using errcode = 'P0001';
        end if;
    end if;
    insert into event_chain (global_index, aggregate_identifier, sequence_number, entry_hash)
    values (new.global_index, new.aggregate_identifier, new.sequence_number,
            daihoi_entry_hash(previous, new.event_identifier, new.aggregate_identifier, new.sequence_number, new.type,
                              new.time_stamp, new.payload_type, new.payload_revision, new.payload, new.meta_data));
    if new.payload_type in ('vn.daihoi.election.RoundCounted', 'vn.daihoi.confidence.ConfidenceRoundCounted',
                            'vn.daihoi.term.LeadershipRecognised') then
        insert into checkpoint_due (global_index, payload_type) values (new.global_index, new.payload_type);
    end if;
    return null;
end
$$;

-- Back-fill the events stored before this migration, in global order (a stream's entries come in sequence order).
do
$$
declare
    e        record;
    previous bytea;
begin
    for e in select * from domain_event_entry order by global_index
        loop
            previous := null;
            if e.sequence_number = 0 then
                previous := decode(repeat('00', 32), 'hex');
            else
                select c.entry_hash into previous from event_chain c
                 where c.aggregate_identifier = e.aggregate_identifier and c.sequence_number = e.sequence_number - 1;
                if previous is null then
                    raise exception 'event chain: stream % has no entry before sequence %', e.aggregate_identifier, e.sequence_number;
                end if;
            end if;
            insert into event_chain (global_index, aggregate_identifier, sequence_number, entry_hash)
            values (e.global_index, e.aggregate_identifier, e.sequence_number,
                    daihoi_entry_hash(previous, e.event_identifier, e.aggregate_identifier, e.sequence_number, e.type,
                                      e.time_stamp, e.payload_type, e.payload_revision, e.payload, e.meta_data));
        end loop;
end
$$;

insert into checkpoint_due (global_index, payload_type)
select global_index, payload_type from domain_event_entry
 where payload_type in ('vn.daihoi.election.RoundCounted', 'vn.daihoi.confidence.ConfidenceRoundCounted',
                        'vn.daihoi.term.LeadershipRecognised');

create trigger domain_event_entry_chain
    after insert on domain_event_entry
    for each row execute function daihoi_chain_event();
