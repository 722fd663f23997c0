-- crm4j schema, version 18: the open work of a line of owners.
--
-- Reads that fix the owners and the status (a line's open deals in a forecast or the stalled-deal
-- check, its open leads, its planned activities) find the rows from these indexes alone, the
-- customer included. They lead with the owner, so the owner-only indexes of deals and leads go.
create index crm_opportunity_owner_status_ix on crm_opportunity (owner_id, status, customer_id);
create index crm_lead_owner_status_ix on crm_lead (owner_id, status, customer_id);
create index crm_activity_owner_status_ix on crm_activity (owner_id, status, customer_id);
drop index crm_opportunity_owner_ix;
drop index crm_lead_owner_ix;
