-- crm4j schema, version 10: activities with customers, and the first-contact ledger (R9).
-- Conventions as in version 1: crm_ prefix, ids from sequences that step by 50, every foreign key indexed.

create sequence crm_activity_seq start with 1 increment by 50;
create sequence crm_first_contact_seq start with 1 increment by 50;

-- A phone call, meeting, e-mail, task or note with a customer, planned or done. It never ends
-- before it starts; only a call has a direction.
create table crm_activity (
    id             bigint        not null,
    version        bigint        not null,
    activity_type  varchar(10)   not null,
    direction      varchar(10),
    status         varchar(10)   not null,
    customer_id    bigint        not null,
    owner_id       varchar(100)  not null,
    starts_at      timestamp(6) with time zone not null,
    ends_at        timestamp(6) with time zone not null,
    outcome        varchar(2000),
    opportunity_id bigint,
    lead_id        bigint,
    created_by     varchar(100)  not null,
    created_at     timestamp(6) with time zone not null,
    updated_at     timestamp(6) with time zone not null,
    constraint crm_activity_pk primary key (id),
    constraint crm_activity_period_ck check (ends_at >= starts_at),
    constraint crm_activity_customer_fk foreign key (customer_id) references crm_customer (id),
    constraint crm_activity_opportunity_fk foreign key (opportunity_id) references crm_opportunity (id),
    constraint crm_activity_lead_fk foreign key (lead_id) references crm_lead (id)
);
-- A customer's activities, latest first, paged by (starts_at, id); it serves the customer's
-- foreign key too.
create index crm_activity_customer_ix on crm_activity (customer_id, starts_at desc, id desc);
create index crm_activity_opportunity_ix on crm_activity (opportunity_id);
create index crm_activity_lead_ix on crm_activity (lead_id);
create index crm_activity_owner_ix on crm_activity (owner_id);

-- The further salespeople who took part, besides the owner.
create table crm_activity_colleague (
    activity_id bigint        not null,
    user_id     varchar(100)  not null,
    constraint crm_activity_colleague_pk primary key (activity_id, user_id),
    constraint crm_activity_colleague_activity_fk foreign key (activity_id) references crm_activity (id)
);

-- The customer's contact persons who took part.
create table crm_activity_contact (
    activity_id bigint  not null,
    contact_id  bigint  not null,
    constraint crm_activity_contact_pk primary key (activity_id, contact_id),
    constraint crm_activity_contact_activity_fk foreign key (activity_id) references crm_activity (id),
    constraint crm_activity_contact_contact_fk foreign key (contact_id) references crm_contact (id)
);
create index crm_activity_contact_contact_ix on crm_activity_contact (contact_id);

-- The first-contact ledger (R9): one first call and one first meeting per salesperson and
-- customer. crm_first_contact_uk holds the rule against concurrent writers too.
create table crm_first_contact (
    id             bigint        not null,
    salesperson_id varchar(100)  not null,
    customer_id    bigint        not null,
    kind           varchar(10)   not null,
    contact_id     bigint        not null,
    activity_id    bigint        not null,
    contacted_at   timestamp(6) with time zone not null,
    constraint crm_first_contact_pk primary key (id),
    constraint crm_first_contact_uk unique (salesperson_id, customer_id, kind),
    constraint crm_first_contact_customer_fk foreign key (customer_id) references crm_customer (id),
    constraint crm_first_contact_contact_fk foreign key (contact_id) references crm_contact (id),
    constraint crm_first_contact_activity_fk foreign key (activity_id) references crm_activity (id)
);
create index crm_first_contact_customer_ix on crm_first_contact (customer_id);
create index crm_first_contact_contact_ix on crm_first_contact (contact_id);
create index crm_first_contact_activity_ix on crm_first_contact (activity_id);

-- DomainEvent.activityId(): the activity an outbox event is about (activity.* events, and
-- first-contact.recorded by its activity entry), for need-to-know on the customer card's history
-- as versions 6 and 8 do for deals and leads; null for events about no activity. No index and no
-- foreign key, as for lead_id: the card reads a customer's events through crm_event_customer_ix.
alter table crm_event add column activity_id bigint;
