package org.crm4j.persistence.contract;

import org.crm4j.tck.ImportContract;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.crm4j.imports.ImportContact;
import org.crm4j.imports.ImportOptions;
import org.crm4j.imports.ImportReport;
import org.crm4j.imports.ImportRow;
import org.crm4j.persistence.support.PostgresFixture;
import org.crm4j.tck.StoreFixture;
import org.junit.jupiter.api.Test;

/** {@link ImportContract} on the JPA adapter on PostgreSQL, and what only PostgreSQL needs. */
class PostgresImportIT extends ImportContract {
    private static final StoreFixture FIXTURE = new PostgresFixture();

    @Override
    protected StoreFixture fixture() {
        return FIXTURE;
    }

    /**
     * Autovacuum would analyze the grown tables a minute or more later; until then PostgreSQL's
     * plans for the import's lookups were made for the empty tables.
     */
    @Test
    void aLargeImport_refreshesThePlannersStatisticsOfTheTablesItGrew() throws Exception {
        int rows = 10_500;
        Iterable<ImportRow> source = () -> new Iterator<>() {
            private int i;

            @Override
            public boolean hasNext() {
                return i < rows;
            }

            @Override
            public ImportRow next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                i++;
                return ImportRow.of("ERP", "S-" + i).company("Statistics " + i + " AG")
                        .contact(ImportContact.named("Person " + i).email("p" + i + "@statistics.example"));
            }
        };

        ImportReport report = as(SAM).imports().customers(source, ImportOptions.defaults());

        assertThat(report.created()).isEqualTo(rows);
        assertThat(estimatedRows("crm_customer")).isGreaterThanOrEqualTo(10_000);
        assertThat(estimatedRows("crm_external_ref")).isGreaterThanOrEqualTo(10_000);
        assertThat(estimatedRows("crm_contact_channel")).isGreaterThanOrEqualTo(10_000);
    }

    private static double estimatedRows(String table) throws Exception {
        try (Connection c = FIXTURE.counter().dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select reltuples from pg_class where relname = '" + table + "'")) {
            rs.next();
            return rs.getDouble(1);
        }
    }
}
