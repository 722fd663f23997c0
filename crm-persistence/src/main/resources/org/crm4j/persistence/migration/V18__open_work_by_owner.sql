-- crm4j schema, version 18: need-to-know (R28) reaches a customer through the open work on it.
--
-- Whoever covers the owner of an open deal, an open lead or a planned activity on a customer may
-- read that customer. A search for the customers an actor may open asks, beside the customers of
-- the owners they cover, which customers the open work of those owners is on: these indexes answer
-- that from the index alone (owner and status fixed, the customer read), where the owner indexes
-- alone read every deal, lead and activity the owner ever had (a salesperson of crm-benchmarks'
-- large set has 20,000 activities, few of them planned).
create index crm_opportunity_owner_status_ix on crm_opportunity (owner_id, status, customer_id);
create index crm_lead_owner_status_ix on crm_lead (owner_id, status, customer_id);
create index crm_activity_owner_status_ix on crm_activity (owner_id, status, customer_id);
-- The owner-only indexes of deals and leads are the new ones' first column: one index is kept.
drop index crm_opportunity_owner_ix;
drop index crm_lead_owner_ix;
