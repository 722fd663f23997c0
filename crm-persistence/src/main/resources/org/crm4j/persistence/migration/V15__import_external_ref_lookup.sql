-- crm4j schema, version 15: the bulk import looks up a batch's external references at once,
-- by external_id in (...), which the key (external_system, external_id) cannot serve when most
-- references are of one system (H2 walks the whole system's part of the key then). An index led
-- by the id can: one index probe per reference.
create index crm_external_ref_id_ix on crm_external_ref (external_id, external_system);
