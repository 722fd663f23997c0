-- crm4j schema, version 1: customers, contact persons, notes, owner changes and the outbox.
-- Every object is prefixed crm_ so that crm4j can live in the host's own schema.
-- Flyway placeholders, set by the JPA adapter for the detected database:
--   keyText   a varchar(200) compared by code point (binary collation), for sort keys
--   longText  unbounded text
--   uuid      a UUID
-- Ids come from sequences that step by 50: Hibernate's pooled optimizer hands out the 50 ids
-- of each step without asking the database again (no IDENTITY columns: they prevent batching).

create sequence crm_customer_seq start with 1 increment by 50;
create sequence crm_contact_seq start with 1 increment by 50;
create sequence crm_note_seq start with 1 increment by 50;
create sequence crm_owner_change_seq start with 1 increment by 50;
-- The outbox sequence steps by 1: events of one aggregate must be numbered in the order their
-- transactions ran, even when several application nodes write to one database (with pooled
-- blocks of 50, each node would number from its own block).
create sequence crm_event_seq start with 1 increment by 1;

create table crm_customer (
    id          bigint       not null,
    version     bigint       not null,
    kind        varchar(10)  not null,
    name        varchar(200) not null,
    name_key    ${keyText}   not null,
    tax_id      varchar(50),
    industry    varchar(100),
    rating      varchar(10),
    status      varchar(10)  not null,
    owner_id    varchar(100) not null,
    street      varchar(200),
    postal_code varchar(20),
    city        varchar(100),
    region      varchar(100),
    country     varchar(2),
    created_at  timestamp(6) with time zone not null,
    updated_at  timestamp(6) with time zone not null,
    constraint crm_customer_pk primary key (id)
);
create index crm_customer_name_ix on crm_customer (name_key, id);
create index crm_customer_created_ix on crm_customer (created_at, id);
create index crm_customer_owner_ix on crm_customer (owner_id);
create index crm_customer_tax_id_ix on crm_customer (tax_id);
create index crm_customer_city_ix on crm_customer (city);
create index crm_customer_country_ix on crm_customer (country);
create index crm_customer_status_ix on crm_customer (status);
create index crm_customer_industry_ix on crm_customer (industry);
create index crm_customer_rating_ix on crm_customer (rating);

create table crm_customer_tag (
    customer_id bigint      not null,
    tag         varchar(50) not null,
    constraint crm_customer_tag_pk primary key (customer_id, tag),
    constraint crm_customer_tag_customer_fk foreign key (customer_id) references crm_customer (id)
);
create index crm_customer_tag_tag_ix on crm_customer_tag (tag);

create table crm_customer_category (
    customer_id bigint      not null,
    category    varchar(50) not null,
    constraint crm_customer_category_pk primary key (customer_id, category),
    constraint crm_customer_category_customer_fk foreign key (customer_id) references crm_customer (id)
);
create index crm_customer_category_category_ix on crm_customer_category (category);

-- A reference to a record of another system belongs to at most one customer: the key says so.
create table crm_external_ref (
    external_system varchar(50)  not null,
    external_id     varchar(100) not null,
    customer_id     bigint       not null,
    constraint crm_external_ref_pk primary key (external_system, external_id),
    constraint crm_external_ref_customer_fk foreign key (customer_id) references crm_customer (id)
);
create index crm_external_ref_customer_ix on crm_external_ref (customer_id);

create table crm_contact (
    id          bigint       not null,
    version     bigint       not null,
    customer_id bigint       not null,
    name        varchar(200) not null,
    name_key    ${keyText}   not null,
    job_title   varchar(100),
    is_primary  boolean      not null,
    created_at  timestamp(6) with time zone not null,
    updated_at  timestamp(6) with time zone not null,
    constraint crm_contact_pk primary key (id),
    constraint crm_contact_customer_fk foreign key (customer_id) references crm_customer (id)
);
create index crm_contact_customer_ix on crm_contact (customer_id);

create table crm_contact_role (
    contact_id bigint      not null,
    role_code  varchar(50) not null,
    constraint crm_contact_role_pk primary key (contact_id, role_code),
    constraint crm_contact_role_contact_fk foreign key (contact_id) references crm_contact (id)
);

-- One table for every kind of channel; the address columns are used by postal channels only.
create table crm_contact_channel (
    contact_id    bigint       not null,
    position      integer      not null,
    channel_type  varchar(10)  not null,
    channel_value varchar(400) not null,
    label         varchar(50),
    street        varchar(200),
    postal_code   varchar(20),
    city          varchar(100),
    region        varchar(100),
    country       varchar(2),
    constraint crm_contact_channel_pk primary key (contact_id, position),
    constraint crm_contact_channel_contact_fk foreign key (contact_id) references crm_contact (id)
);

create table crm_note (
    id          bigint       not null,
    customer_id bigint       not null,
    author_id   varchar(100) not null,
    note_text   ${longText}  not null,
    created_at  timestamp(6) with time zone not null,
    constraint crm_note_pk primary key (id),
    constraint crm_note_customer_fk foreign key (customer_id) references crm_customer (id)
);
create index crm_note_customer_ix on crm_note (customer_id, created_at, id);

create table crm_owner_change (
    id            bigint       not null,
    customer_id   bigint       not null,
    from_owner_id varchar(100) not null,
    to_owner_id   varchar(100) not null,
    changed_by    varchar(100) not null,
    changed_at    timestamp(6) with time zone not null,
    constraint crm_owner_change_pk primary key (id),
    constraint crm_owner_change_customer_fk foreign key (customer_id) references crm_customer (id)
);
create index crm_owner_change_customer_ix on crm_owner_change (customer_id, changed_at);

-- The transactional outbox. No foreign key to crm_customer: the outbox is a log of what happened.
create table crm_event (
    sequence_no    bigint        not null,
    event_id       ${uuid}       not null,
    event_type     varchar(100)  not null,
    aggregate_type varchar(50)   not null,
    aggregate_id   bigint        not null,
    customer_id    bigint,
    actor_id       varchar(100)  not null,
    occurred_at    timestamp(6) with time zone not null,
    data           ${longText}   not null,
    delivered_at   timestamp(6) with time zone,
    attempts       integer       not null,
    last_error     varchar(1000),
    constraint crm_event_pk primary key (sequence_no),
    constraint crm_event_id_uk unique (event_id)
);
create index crm_event_customer_ix on crm_event (customer_id, sequence_no);
create index crm_event_undelivered_ix on crm_event (delivered_at, sequence_no);
