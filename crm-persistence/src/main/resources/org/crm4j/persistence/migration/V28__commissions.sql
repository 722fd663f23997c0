-- crm4j schema, version 28: commission plans (R13, R21). A plan pays named salespeople (each by one
-- plan at most) a rate per product group of the net amount or margin of their invoices in the plan's
-- currency, with tiers on what a month earned and a clawback period for credit notes. Statements
-- are computed from the invoices, lines and payments themselves: nothing is kept per payment.

create sequence crm_commission_plan_seq start with 1 increment by 50;

create table crm_commission_plan (
    id             bigint         not null,
    name           varchar(200)   not null,
    currency       varchar(3)     not null,
    basis          varchar(20)    not null,
    earning        varchar(20)    not null,
    default_rate   numeric(7, 4)  not null,
    clawback_days  integer        not null,
    created_at     timestamp(6) with time zone not null,
    constraint crm_commission_plan_pk primary key (id)
);

create table crm_commission_member (
    plan_id         bigint        not null,
    salesperson_id  varchar(100)  not null,
    constraint crm_commission_member_pk primary key (plan_id, salesperson_id),
    constraint crm_commission_member_plan_fk foreign key (plan_id) references crm_commission_plan (id),
    constraint crm_commission_member_uk unique (salesperson_id)
);

create table crm_commission_rate (
    plan_id        bigint         not null,
    product_group  varchar(200)   not null,
    rate           numeric(7, 4)  not null,
    constraint crm_commission_rate_pk primary key (plan_id, product_group),
    constraint crm_commission_rate_plan_fk foreign key (plan_id) references crm_commission_plan (id)
);

create table crm_commission_tier (
    plan_id      bigint          not null,
    position     integer         not null,
    from_amount  numeric(19, 4)  not null,
    extra_rate   numeric(7, 4)   not null,
    constraint crm_commission_tier_pk primary key (plan_id, position),
    constraint crm_commission_tier_plan_fk foreign key (plan_id) references crm_commission_plan (id)
);

-- a credit note's clawback looks for the payments of the invoice it reverses by date
create index crm_payment_invoice_paid_ix on crm_payment (invoice_id, paid_on);
