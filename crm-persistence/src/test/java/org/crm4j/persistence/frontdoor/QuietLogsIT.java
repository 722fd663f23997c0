package org.crm4j.persistence.frontdoor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.crm4j.ConflictException;
import org.crm4j.Crm;
import org.crm4j.CrmException;
import org.crm4j.access.Actor;
import org.crm4j.common.ExternalRef;
import org.crm4j.customer.NewCustomer;
import org.crm4j.persistence.support.PostgresServer;
import org.crm4j.tck.CountingDataSource;
import org.junit.jupiter.api.Test;

/**
 * What reaches the host's log at WARN when the store refuses something: crm4j's own line with a
 * code and no personal data, never Hibernate's lines with the driver's text (SQL and bound values).
 * The test's logging backend writes to standard error, which the test reads.
 */
class QuietLogsIT {
    private static final Actor ADA = Actor.of("ada", Actor.ADMIN);

    private static String capturingStandardError(Runnable work) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            work.run();
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Test
    void anExpectedConflict_andAStoreFailure_leaveNoSqlNorValuesInTheHostsLog() {
        CountingDataSource db = new CountingDataSource(PostgresServer.newDatabase());
        try (Crm crm = Crm.builder().dataSource(db.dataSource()).discoverPlugins(false).cacheSync(Duration.ofHours(1))
                .build()) {
            crm.as(ADA).customers().create(NewCustomer.company("Taken GmbH").externalRef(ExternalRef.of("ERP", "SECRET-4711")));

            String conflict = capturingStandardError(() -> assertThatThrownBy(() -> crm.as(ADA).customers()
                    .create(NewCustomer.company("Second GmbH").externalRef(ExternalRef.of("ERP", "SECRET-4711"))))
                    .isInstanceOf(ConflictException.class));
            db.failWhen(sql -> sql.startsWith("insert into crm_customer"));
            String failure = capturingStandardError(() -> assertThatThrownBy(() -> crm.as(ADA).customers()
                    .create(NewCustomer.company("Private Person Holding"))).isInstanceOf(CrmException.class));
            db.clearFaults();

            assertThat(conflict).doesNotContain("SECRET-4711").doesNotContain("insert into")
                    .doesNotContain("WARN org.hibernate");
            assertThat(failure).contains("CRM-JPA-020").doesNotContain("Private Person").doesNotContain("insert into")
                    .doesNotContain("WARN org.hibernate");
        }
    }
}
