-- crm4j schema, version 21: stored owner sets that no line uses any more are forgotten.
--
-- A line that changes (someone joins or leaves a director's organisation) is another set; the
-- old one stayed for good. Each set now says when a node last checked it (at most once a day per
-- set); a node that writes a new set deletes the sets nobody has checked for seven days. A node
-- remembers a set for an hour at most before it checks it again, so no set in use is deleted.
alter table crm_owner_set_head add column last_used_at timestamp(6) with time zone;
update crm_owner_set_head set last_used_at = created_at;
alter table crm_owner_set_head alter column last_used_at set not null;
create index crm_owner_set_head_used on crm_owner_set_head (last_used_at);
