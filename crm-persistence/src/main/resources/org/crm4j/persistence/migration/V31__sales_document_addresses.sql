-- crm4j schema, version 31: a sales document's billing and delivery addresses (R29), read as the
-- customer import reads a customer's: the country as its ISO code, the phone in E.164.

alter table crm_sales_document add column bill_name varchar(200);
alter table crm_sales_document add column bill_street varchar(200);
alter table crm_sales_document add column bill_postal_code varchar(20);
alter table crm_sales_document add column bill_city varchar(100);
alter table crm_sales_document add column bill_region varchar(100);
alter table crm_sales_document add column bill_country varchar(2);
alter table crm_sales_document add column bill_phone varchar(20);
alter table crm_sales_document add column ship_name varchar(200);
alter table crm_sales_document add column ship_street varchar(200);
alter table crm_sales_document add column ship_postal_code varchar(20);
alter table crm_sales_document add column ship_city varchar(100);
alter table crm_sales_document add column ship_region varchar(100);
alter table crm_sales_document add column ship_country varchar(2);
alter table crm_sales_document add column ship_phone varchar(20);
