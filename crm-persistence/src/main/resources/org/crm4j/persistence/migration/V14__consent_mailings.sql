-- crm4j schema, version 14: contact persons' consents and unsubscriptions, and mailings (R16)
-- with their recipients. Conventions as in version 1: crm_ prefix, ids from sequences that step
-- by 50, every foreign key indexed.

create sequence crm_mailing_seq start with 1 increment by 50;
create sequence crm_mailing_recipient_seq start with 1 increment by 50;

-- A contact's consent for one purpose, as last granted or withdrawn; the key allows one per
-- contact and purpose (the outbox keeps the history).
create table crm_consent (
    contact_id  bigint        not null,
    purpose     varchar(50)   not null,
    status      varchar(10)   not null,
    given_at    timestamp(6) with time zone not null,
    source      varchar(200)  not null,
    recorded_by varchar(100)  not null,
    recorded_at timestamp(6) with time zone not null,
    constraint crm_consent_pk primary key (contact_id, purpose),
    constraint crm_consent_contact_fk foreign key (contact_id) references crm_contact (id)
);

-- A contact who wants no mailing at all: it beats every consent.
create table crm_unsubscription (
    contact_id      bigint        not null,
    unsubscribed_at timestamp(6) with time zone not null,
    source          varchar(200)  not null,
    recorded_by     varchar(100)  not null,
    constraint crm_unsubscription_pk primary key (contact_id),
    constraint crm_unsubscription_contact_fk foreign key (contact_id) references crm_contact (id)
);

-- A mailing. The audience is a segment (audience_value: the criteria as CriteriaText writes
-- them, null for all customers), listed employees (their ids, one a line) or a manager's team
-- (the manager's id).
create table crm_mailing (
    id                bigint        not null,
    version           bigint        not null,
    name              varchar(200)  not null,
    purpose           varchar(50),
    audience_kind     varchar(10)   not null,
    audience_value    ${longText},
    subject           varchar(500)  not null,
    body_text         ${longText}   not null,
    body_html         ${longText},
    unsubscribe_link  varchar(500),
    status            varchar(10)   not null,
    owner_id          varchar(100)  not null,
    created_at        timestamp(6) with time zone not null,
    updated_at        timestamp(6) with time zone not null,
    audience_fixed_at timestamp(6) with time zone,
    completed_at      timestamp(6) with time zone,
    last_error        varchar(1000),
    constraint crm_mailing_pk primary key (id)
);
create index crm_mailing_owner_ix on crm_mailing (owner_id);

-- One recipient of a mailing: a contact person (contact_id, customer_id) or an employee
-- (user_id). crm_mailing_recipient_uk keeps concurrent sending runs from writing one twice; the
-- claim (status CLAIMED with the run's claim_token) keeps them from sending to one twice.
create table crm_mailing_recipient (
    id                bigint        not null,
    mailing_id        bigint        not null,
    recipient_key     varchar(120)  not null,
    contact_id        bigint,
    customer_id       bigint,
    customer_name     varchar(200),
    customer_owner_id varchar(100),
    user_id           varchar(100),
    recipient_name    varchar(200)  not null,
    email             varchar(400),
    status            varchar(10)   not null,
    skip_reason       varchar(20),
    attempts          integer       not null,
    last_error        varchar(1000),
    claim_token       varchar(36),
    claimed_at        timestamp(6) with time zone,
    sent_at           timestamp(6) with time zone,
    activity_id       bigint,
    constraint crm_mailing_recipient_pk primary key (id),
    constraint crm_mailing_recipient_uk unique (mailing_id, recipient_key),
    constraint crm_mailing_recipient_skip_ck check ((status = 'SKIPPED') = (skip_reason is not null)),
    constraint crm_mailing_recipient_mailing_fk foreign key (mailing_id) references crm_mailing (id),
    constraint crm_mailing_recipient_contact_fk foreign key (contact_id) references crm_contact (id),
    constraint crm_mailing_recipient_customer_fk foreign key (customer_id) references crm_customer (id),
    constraint crm_mailing_recipient_activity_fk foreign key (activity_id) references crm_activity (id)
);
-- The claims read a mailing's open recipients by status, lowest id first; the unique key serves
-- the mailing's foreign key.
create index crm_mailing_recipient_status_ix on crm_mailing_recipient (mailing_id, status, id);
create index crm_mailing_recipient_contact_ix on crm_mailing_recipient (contact_id);
create index crm_mailing_recipient_customer_ix on crm_mailing_recipient (customer_id);
create index crm_mailing_recipient_activity_ix on crm_mailing_recipient (activity_id);
