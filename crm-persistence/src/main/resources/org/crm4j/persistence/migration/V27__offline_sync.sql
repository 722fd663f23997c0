-- crm4j schema, version 27: the changes points of sale sent back after working offline (R31), by
-- the id each point of sale gave its change, so that a change sent twice counts once.

create table crm_client_change (
    client_id    ${uuid}       not null,
    change_kind  varchar(20)   not null,
    record_id    bigint        not null,
    actor_id     varchar(100)  not null,
    received_at  timestamp(6) with time zone not null,
    constraint crm_client_change_pk primary key (client_id)
);
