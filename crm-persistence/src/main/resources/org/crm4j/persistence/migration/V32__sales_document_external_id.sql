-- crm4j schema, version 32: sales documents by the ERP's id alone. The unique key (external_system,
-- external_id) serves one reference at a time; a batch of an ERP's history looks up hundreds of
-- references at once ("external_system = ? and external_id in (...)"), and H2 reads an "in" list
-- through an index only on its first column: without this index it tested every document stored
-- so far against the list, batch after batch (half of a 200,000-line import's time).

create index crm_sales_document_ext_id_ix on crm_sales_document (external_id);
