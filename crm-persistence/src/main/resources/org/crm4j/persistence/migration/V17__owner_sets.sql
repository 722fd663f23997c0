-- crm4j schema, version 17: need-to-know (R28) for a long line of people.
--
-- A director who covers thousands of people cannot be given their ids as bind parameters (the
-- drivers' limits, and a plan per list length); such an owner set is written once, under the hash
-- of its members, and queries ask "owner in (select owner_id from crm_owner_set where set_id = ?)",
-- one parameter however long the line. A set never changes (another line is another hash), so two
-- nodes writing the same set at once write the same rows; crm_owner_set_head is written last, in
-- the same transaction, so a head that is seen stands for a complete set.
create table crm_owner_set (
    set_id    varchar(64)  not null,
    owner_id  varchar(100) not null,
    constraint crm_owner_set_pk primary key (set_id, owner_id)
);
create table crm_owner_set_head (
    set_id      varchar(64) not null,
    members     integer     not null,
    created_at  timestamp(6) with time zone not null,
    constraint crm_owner_set_head_pk primary key (set_id)
);
