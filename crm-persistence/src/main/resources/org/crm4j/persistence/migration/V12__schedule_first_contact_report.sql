-- crm4j schema, version 12: the schedule (R14) and the first-contact report (R9).
-- Conventions as in version 1: crm_ prefix, every foreign key and every list filter indexed.

-- A schedule lists a user's or a team's activities in a period, earliest first, paged by
-- (starts_at, id): the owner's index gains the start and the id, so it serves that order and the
-- per-user counts; an administrator's schedule of everyone reads the start index.
create index crm_activity_owner_start_ix on crm_activity (owner_id, starts_at, id);
drop index crm_activity_owner_ix;
create index crm_activity_start_ix on crm_activity (starts_at, id);

-- The first-contact report sums a period's ledger entries of the visible salespeople; whether a
-- deal followed is looked up by the customer (crm_opportunity_customer_ix).
create index crm_first_contact_salesperson_at_ix on crm_first_contact (salesperson_id, contacted_at);
