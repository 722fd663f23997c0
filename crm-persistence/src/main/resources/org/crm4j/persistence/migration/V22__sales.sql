-- crm4j schema, version 22: what customers buy (R6, R11, R13, R29). Services under contract, and
-- orders, invoices, credit notes and payments received from the ERP, each identified by the ERP's
-- reference. Built for aggregates over millions of lines: the documents keep their totals, so a
-- customer's or a salesperson's turnover reads no lines; the lines keep their net amount and the
-- product group, so that the analytics of a later version are one GROUP BY over crm_sales_line
-- joined to its document by the primary key.

create sequence crm_service_seq start with 1 increment by 50;
create sequence crm_sales_document_seq start with 1 increment by 50;
create sequence crm_payment_seq start with 1 increment by 50;

-- A service a customer has under contract; its status follows from the dates and the cancellation.
create table crm_service (
    id              bigint         not null,
    version         bigint         not null,
    customer_id     bigint         not null,
    product_code    varchar(50)    not null,
    product_name    varchar(200)   not null,
    starts_on       date           not null,
    ends_on         date,
    billing_period  varchar(20)    not null,
    currency        varchar(3)     not null,
    price           numeric(19, 4) not null,
    cost            numeric(19, 4),
    auto_renew      boolean        not null,
    notice_days     integer        not null,
    cancel_reason   varchar(2000),
    cancelled_on    date,
    salesperson_id  varchar(100),
    external_system varchar(50),
    external_id     varchar(100),
    created_at      timestamp(6) with time zone not null,
    updated_at      timestamp(6) with time zone not null,
    constraint crm_service_pk primary key (id),
    constraint crm_service_customer_fk foreign key (customer_id) references crm_customer (id),
    constraint crm_service_ref_uk unique (external_system, external_id)
);
create index crm_service_customer_ix on crm_service (customer_id, starts_on);
-- the services ending soon, for the renewal notices
create index crm_service_ends_ix on crm_service (ends_on, id);
create index crm_service_salesperson_ix on crm_service (salesperson_id);

-- An order, invoice or credit note from the ERP. A credit note names the invoice it reverses, an
-- invoice the order it bills; an order or invoice may name the deal it came from and its campaign.
create table crm_sales_document (
    id              bigint         not null,
    version         bigint         not null,
    kind            varchar(20)    not null,
    customer_id     bigint         not null,
    currency        varchar(3)     not null,
    ordered_on      date,
    invoiced_on     date,
    due_on          date,
    salesperson_id  varchar(100),
    net             numeric(19, 4) not null,
    tax             numeric(19, 4) not null,
    gross           numeric(19, 4) not null,
    reverses_id     bigint,
    order_id        bigint,
    opportunity_id  bigint,
    campaign_id     bigint,
    external_system varchar(50)    not null,
    external_id     varchar(100)   not null,
    received_at     timestamp(6) with time zone not null,
    updated_at      timestamp(6) with time zone not null,
    constraint crm_sales_document_pk primary key (id),
    constraint crm_sales_document_customer_fk foreign key (customer_id) references crm_customer (id),
    constraint crm_sales_document_reverses_fk foreign key (reverses_id) references crm_sales_document (id),
    constraint crm_sales_document_order_fk foreign key (order_id) references crm_sales_document (id),
    constraint crm_sales_document_ref_uk unique (external_system, external_id)
);
create index crm_sales_document_customer_ix on crm_sales_document (customer_id, invoiced_on, id);
create index crm_sales_document_reverses_ix on crm_sales_document (reverses_id);
create index crm_sales_document_order_ix on crm_sales_document (order_id);
create index crm_sales_document_salesperson_ix on crm_sales_document (salesperson_id, invoiced_on);
create index crm_sales_document_opportunity_ix on crm_sales_document (opportunity_id);
create index crm_sales_document_campaign_ix on crm_sales_document (campaign_id);

-- A line of a sales document, in its order; the net amount is quantity x unit price less the
-- discount, rounded to the document's currency.
create table crm_sales_line (
    document_id      bigint         not null,
    position         integer        not null,
    product_code     varchar(50)    not null,
    product_group    varchar(200),
    description      varchar(2000),
    quantity         numeric(19, 4) not null,
    unit             varchar(50),
    unit_price       numeric(19, 4) not null,
    discount_percent numeric(7, 4)  not null,
    discount_reason  varchar(2000),
    tax_rate         numeric(7, 4)  not null,
    net_amount       numeric(19, 4) not null,
    line_cost        numeric(19, 4),
    constraint crm_sales_line_pk primary key (document_id, position),
    constraint crm_sales_line_document_fk foreign key (document_id) references crm_sales_document (id)
);
create index crm_sales_line_product_ix on crm_sales_line (product_code);
create index crm_sales_line_group_ix on crm_sales_line (product_group);

-- A payment the ERP received against an invoice.
create table crm_payment (
    id              bigint         not null,
    version         bigint         not null,
    invoice_id      bigint         not null,
    customer_id     bigint         not null,
    currency        varchar(3)     not null,
    amount          numeric(19, 4) not null,
    paid_on         date           not null,
    external_system varchar(50)    not null,
    external_id     varchar(100)   not null,
    received_at     timestamp(6) with time zone not null,
    updated_at      timestamp(6) with time zone not null,
    constraint crm_payment_pk primary key (id),
    constraint crm_payment_invoice_fk foreign key (invoice_id) references crm_sales_document (id),
    constraint crm_payment_customer_fk foreign key (customer_id) references crm_customer (id),
    constraint crm_payment_ref_uk unique (external_system, external_id)
);
create index crm_payment_invoice_ix on crm_payment (invoice_id);
create index crm_payment_customer_ix on crm_payment (customer_id);
