-- crm4j schema, version 20: caches that follow changes made on other nodes.
--
-- Every node caches reference data (pipelines; the user directory's answers). A change bumps its
-- kind's version here in the changing transaction (userDirectoryChanged() in a transaction of its
-- own), and each node reads these few rows at most once per Crm.Builder.cacheSync (1 s by
-- default) and drops the caches whose version moved.
create table crm_reference_version (
    kind     varchar(50) not null,
    version  bigint      not null,
    constraint crm_reference_version_pk primary key (kind)
);
insert into crm_reference_version (kind, version) values ('pipelines', 0);
insert into crm_reference_version (kind, version) values ('directory', 0);
