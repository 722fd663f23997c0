-- crm4j schema, version 4: offers (numbered versions per deal) with their lines, and the sales
-- orders made from accepted offers.
-- Conventions as in version 1: crm_ prefix, ids from sequences that step by 50, every foreign key indexed.

create sequence crm_offer_seq start with 1 increment by 50;
create sequence crm_sales_order_seq start with 1 increment by 50;

create table crm_offer (
    id             bigint        not null,
    version        bigint        not null,
    opportunity_id bigint        not null,
    customer_id    bigint        not null,
    offer_number   integer       not null,
    status         varchar(10)   not null,
    currency       varchar(3)    not null,
    valid_until    date          not null,
    terms          varchar(4000),
    created_by     varchar(100)  not null,
    created_at     timestamp(6) with time zone not null,
    sent_at        timestamp(6) with time zone,
    decided_at     timestamp(6) with time zone,
    decision_note  varchar(2000),
    updated_at     timestamp(6) with time zone not null,
    constraint crm_offer_pk primary key (id),
    constraint crm_offer_number_uk unique (opportunity_id, offer_number),
    constraint crm_offer_opportunity_fk foreign key (opportunity_id) references crm_opportunity (id),
    constraint crm_offer_customer_fk foreign key (customer_id) references crm_customer (id)
);
-- crm_offer_number_uk serves the foreign key on opportunity_id (it leads the unique index).
create index crm_offer_customer_ix on crm_offer (customer_id);

-- The lines of an offer, in order. Quantities and rates keep 4 decimal places; money 4, read
-- back at the currency's own number of places.
create table crm_offer_line (
    offer_id         bigint         not null,
    position         integer        not null,
    code             varchar(50)    not null,
    description      varchar(500)   not null,
    quantity         numeric(19,4)  not null,
    unit             varchar(20),
    unit_price       numeric(19,4)  not null,
    discount_percent numeric(7,4)   not null,
    discount_reason  varchar(200),
    tax_rate         numeric(7,4)   not null,
    constraint crm_offer_line_pk primary key (offer_id, position),
    constraint crm_offer_line_offer_fk foreign key (offer_id) references crm_offer (id)
);

-- One order per accepted offer, with the offer's totals; its lines are the offer's.
create table crm_sales_order (
    id             bigint         not null,
    offer_id       bigint         not null,
    opportunity_id bigint         not null,
    customer_id    bigint         not null,
    currency       varchar(3)     not null,
    net            numeric(19,4)  not null,
    tax            numeric(19,4)  not null,
    gross          numeric(19,4)  not null,
    placed_by      varchar(100)   not null,
    placed_at      timestamp(6) with time zone not null,
    constraint crm_sales_order_pk primary key (id),
    constraint crm_sales_order_offer_uk unique (offer_id),
    constraint crm_sales_order_offer_fk foreign key (offer_id) references crm_offer (id),
    constraint crm_sales_order_opportunity_fk foreign key (opportunity_id) references crm_opportunity (id),
    constraint crm_sales_order_customer_fk foreign key (customer_id) references crm_customer (id)
);
create index crm_sales_order_opportunity_ix on crm_sales_order (opportunity_id);
create index crm_sales_order_customer_ix on crm_sales_order (customer_id);
