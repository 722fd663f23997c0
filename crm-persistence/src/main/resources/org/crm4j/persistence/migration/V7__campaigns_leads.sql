-- crm4j schema, version 7: marketing campaigns with their costs, and leads (R17, R18).
-- Conventions as in version 1: crm_ prefix, ids from sequences that step by 50, every foreign key indexed.

create sequence crm_campaign_seq start with 1 increment by 50;
create sequence crm_lead_seq start with 1 increment by 50;

create table crm_campaign (
    id                 bigint        not null,
    version            bigint        not null,
    name               varchar(200)  not null,
    goal               varchar(20)   not null,
    product_code       varchar(50),
    starts_on          date          not null,
    ends_on            date          not null,
    channel            varchar(100),
    owner_id           varchar(100)  not null,
    product_manager_id varchar(100),
    currency           varchar(3)    not null,
    status             varchar(10)   not null,
    created_by         varchar(100)  not null,
    created_at         timestamp(6) with time zone not null,
    updated_at         timestamp(6) with time zone not null,
    constraint crm_campaign_pk primary key (id),
    constraint crm_campaign_period_ck check (ends_on >= starts_on)
);
-- Need-to-know finds a campaign by its owner or its product manager.
create index crm_campaign_owner_ix on crm_campaign (owner_id);
create index crm_campaign_product_manager_ix on crm_campaign (product_manager_id);

-- The cost entries of a campaign, in the order entered, in the campaign's currency. The keyword
-- cost of a period (R18) is the sum of the actual entries with that keyword dated in it.
create table crm_campaign_cost (
    campaign_id bigint         not null,
    position    integer        not null,
    cost_date   date           not null,
    amount      numeric(19,4)  not null,
    category    varchar(50)    not null,
    kind        varchar(10)    not null,
    keyword     varchar(200),
    constraint crm_campaign_cost_pk primary key (campaign_id, position),
    constraint crm_campaign_cost_campaign_fk foreign key (campaign_id) references crm_campaign (id),
    constraint crm_campaign_cost_amount_ck check (amount >= 0)
);
create index crm_campaign_cost_keyword_ix on crm_campaign_cost (keyword, cost_date);

-- A lead, on a customer or (inbound) on a prospect kept in the prospect_* columns until it is
-- converted. One lead per customer and campaign: crm_lead_campaign_customer_uk makes a bulk
-- opening idempotent even against a concurrent one (rows without a customer or a campaign never
-- collide, as null is distinct from null in a unique constraint).
create table crm_lead (
    id                bigint        not null,
    version           bigint        not null,
    campaign_id       bigint,
    customer_id       bigint,
    prospect_company  varchar(200),
    prospect_person   varchar(200),
    prospect_email    varchar(254),
    prospect_phone    varchar(30),
    prospect_tax_id   varchar(50),
    prospect_city     varchar(100),
    prospect_country  varchar(2),
    keyword           varchar(200),
    source            varchar(100),
    owner_id          varchar(100)  not null,
    status            varchar(12)   not null,
    disqualify_reason varchar(500),
    opportunity_id    bigint,
    created_by        varchar(100)  not null,
    created_at        timestamp(6) with time zone not null,
    updated_at        timestamp(6) with time zone not null,
    constraint crm_lead_pk primary key (id),
    constraint crm_lead_campaign_customer_uk unique (campaign_id, customer_id),
    constraint crm_lead_campaign_fk foreign key (campaign_id) references crm_campaign (id),
    constraint crm_lead_customer_fk foreign key (customer_id) references crm_customer (id),
    constraint crm_lead_opportunity_fk foreign key (opportunity_id) references crm_opportunity (id)
);
-- crm_lead_campaign_customer_uk serves the foreign key on campaign_id and the list of a
-- campaign's leads (it leads the unique index); the others get their own.
create index crm_lead_customer_ix on crm_lead (customer_id);
create index crm_lead_opportunity_ix on crm_lead (opportunity_id);
create index crm_lead_owner_ix on crm_lead (owner_id);

-- The contact attempts of a lead, oldest first, as dated notes.
create table crm_lead_attempt (
    lead_id      bigint         not null,
    position     integer        not null,
    attempted_by varchar(100)   not null,
    attempted_at timestamp(6) with time zone not null,
    text         varchar(2000)  not null,
    constraint crm_lead_attempt_pk primary key (lead_id, position),
    constraint crm_lead_attempt_lead_fk foreign key (lead_id) references crm_lead (id)
);
