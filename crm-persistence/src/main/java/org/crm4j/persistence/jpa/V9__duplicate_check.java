package org.crm4j.persistence.jpa;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.crm4j.common.NameKeys;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * crm4j schema, version 9: the keys of the duplicate check of inbound leads, and the matches a
 * lead keeps. A Java migration because the name key ({@link NameKeys}: diacritics and legal forms
 * removed) has no portable SQL; the backfill computes it with the very code that computes it for
 * new rows, so old and new rows match alike. {@link SchemaMigration} hands it to Flyway beside
 * the SQL scripts; Flyway takes its version from the class name.
 *
 * <ul>
 *   <li>{@code crm_customer.match_key}: the name key of the customer's name;</li>
 *   <li>{@code crm_contact_channel.match_key}: an e-mail in lower case, a phone as stored (E.164);</li>
 *   <li>{@code crm_lead.email_key} and {@code crm_lead.name_key}: the prospect's e-mail in lower
 *       case and the name key of its company (or person); its tax id and phone are stored
 *       normalised already and get indexes;</li>
 *   <li>{@code crm_lead_match}: the likely duplicates found when a lead was opened.</li>
 * </ul>
 */
final class V9__duplicate_check extends BaseJavaMigration {
    private static final int BATCH = 500;

    /**
     * @param context Flyway's, with the connection of the migration's transaction
     * @throws SQLException when a statement fails; Flyway reports it and rolls back
     */
    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        try (Statement s = c.createStatement()) {
            s.execute("alter table crm_customer add column match_key varchar(200)");
            s.execute("alter table crm_contact_channel add column match_key varchar(254)");
            s.execute("alter table crm_lead add column email_key varchar(254)");
            s.execute("alter table crm_lead add column name_key varchar(200)");
            s.execute("update crm_contact_channel set match_key = lower(channel_value) where channel_type = 'EMAIL'");
            s.execute("update crm_contact_channel set match_key = channel_value where channel_type = 'PHONE'");
            s.execute("update crm_lead set email_key = lower(prospect_email) where prospect_email is not null");
        }
        backfill(c, "select id, name from crm_customer", "update crm_customer set match_key = ? where id = ?");
        backfill(c, "select id, coalesce(prospect_company, prospect_person) from crm_lead"
                + " where prospect_company is not null or prospect_person is not null",
                "update crm_lead set name_key = ? where id = ?");
        try (Statement s = c.createStatement()) {
            s.execute("create index crm_customer_match_ix on crm_customer (match_key)");
            s.execute("create index crm_contact_channel_match_ix on crm_contact_channel (match_key)");
            s.execute("create index crm_lead_tax_id_ix on crm_lead (prospect_tax_id)");
            s.execute("create index crm_lead_email_ix on crm_lead (email_key)");
            s.execute("create index crm_lead_phone_ix on crm_lead (prospect_phone)");
            s.execute("create index crm_lead_name_ix on crm_lead (name_key)");
            s.execute("create table crm_lead_match ("
                    + " lead_id bigint not null,"
                    + " position integer not null,"
                    + " matched_kind varchar(10) not null,"
                    + " matched_id bigint not null,"
                    + " score integer not null,"
                    + " reasons varchar(100) not null,"
                    + " constraint crm_lead_match_pk primary key (lead_id, position),"
                    + " constraint crm_lead_match_lead_fk foreign key (lead_id) references crm_lead (id),"
                    + " constraint crm_lead_match_score_ck check (score between 0 and 100))");
            // which leads were found to look like a customer or another lead
            s.execute("create index crm_lead_match_matched_ix on crm_lead_match (matched_kind, matched_id)");
        }
    }

    /** Reads id and name with the first statement, writes each name's key with the second, in batches. */
    private static void backfill(Connection c, String select, String update) throws SQLException {
        try (Statement read = c.createStatement(); PreparedStatement write = c.prepareStatement(update)) {
            read.setFetchSize(BATCH);
            int pending = 0;
            try (ResultSet rs = read.executeQuery(select)) {
                while (rs.next()) {
                    write.setString(1, NameKeys.normalize(rs.getString(2)));
                    write.setLong(2, rs.getLong(1));
                    write.addBatch();
                    if (++pending == BATCH) {
                        write.executeBatch();
                        pending = 0;
                    }
                }
            }
            if (pending > 0) {
                write.executeBatch();
            }
        }
    }
}
