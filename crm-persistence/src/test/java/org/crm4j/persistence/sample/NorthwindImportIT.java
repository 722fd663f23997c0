package org.crm4j.persistence.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.crm4j.Crm;
import org.crm4j.access.Actor;
import org.crm4j.access.InMemoryUserDirectory;
import org.crm4j.common.ExternalRef;
import org.crm4j.customer.ContactChannel;
import org.crm4j.customer.Customer;
import org.crm4j.imports.ImportContact;
import org.crm4j.imports.ImportOptions;
import org.crm4j.imports.ImportReport;
import org.crm4j.imports.ImportRow;
import org.junit.jupiter.api.Test;

/**
 * Northwind's customer table (a public sample ERP in {@code ../shared/data}) imported as it is:
 * countries by English name, phones in national form, many from before today's numbering plans.
 * Every customer goes in; a doubtful phone is stored normalised or left out with a warning naming
 * line, field and value. Skipped where {@code ../shared/data} is absent.
 */
class NorthwindImportIT {
    private static final Path SQL = Path.of("..", "..", "shared", "data", "northwind", "northwind.sql");
    private static final Actor ADMIN = Actor.of("ada", Actor.ADMIN);

    @Test
    void everyCustomerGoesInWithItsCountryAndItsDoubtfulPhonesAreReported() throws IOException {
        assumeTrue(Files.isRegularFile(SQL), "the sample data (../shared/data/northwind) is not beside the project");
        List<ImportRow> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(SQL, StandardCharsets.UTF_8);
        for (String line : lines) {
            if (!line.startsWith("INSERT INTO customers VALUES (")) {
                continue;
            }
            // customer_id, company_name, contact_name, contact_title, address, city, region, postal_code,
            // country, phone, fax
            List<String> v = values(line.substring(line.indexOf('(') + 1, line.lastIndexOf(')')));
            rows.add(ImportRow.of("northwind", v.get(0)).line(rows.size() + 1).company(v.get(1))
                    .address(v.get(4), v.get(7), v.get(5), v.get(6), v.get(8))
                    .contact(ImportContact.named(v.get(2)).jobTitle(v.get(3)).phone(v.get(9)).primary()));
        }
        assertThat(rows).hasSize(91);
        try (Crm crm = Crm.builder().userDirectory(new InMemoryUserDirectory().add("ada", null, Actor.ADMIN))
                .discoverPlugins(false).build()) {
            ImportReport report = crm.as(ADMIN).imports().customers(rows, ImportOptions.defaults());

            assertThat(report.rejections()).isEmpty();
            assertThat(report.created()).isEqualTo(91);
            assertThat(report.warnings()).allSatisfy(w -> assertThat(w.field()).isEqualTo("contacts[0].phone"));
            Customer alfki = crm.as(ADMIN).customers().findByExternalRef(ExternalRef.of("northwind", "ALFKI"))
                    .orElseThrow();
            assertThat(alfki.address().orElseThrow().country()).isEqualTo("DE");
            assertThat(crm.as(ADMIN).customers().contacts(alfki.id()).get(0).channels())
                    .extracting(ContactChannel::value).containsExactly("+49300074321");
            // what the README says of this sample: 28 numbers kept with a warning, 15 left out (about half
            // of Northwind's numbers are not valid under today's numbering plans)
            long stored = report.warnings().stream().filter(w -> w.message().startsWith("stored as +")).count();
            long leftOut = report.warnings().stream().filter(w -> w.message().startsWith("left out")).count();
            assertThat(stored).isEqualTo(28);
            assertThat(leftOut).isEqualTo(15);
            assertThat(report.warnings()).hasSize(43);
            assertThat(report.warnings()).anySatisfy(w -> assertThat(w.externalRef() + " " + w.value())
                    .isEqualTo("northwind:AROUT (171) 555-7788"));
        }
    }

    /** The values of one SQL INSERT: quoted texts ('' for a quote) and NULL. */
    private static List<String> values(String text) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\'') {
                StringBuilder value = new StringBuilder();
                i++;
                while (i < text.length()) {
                    if (text.charAt(i) == '\'' && i + 1 < text.length() && text.charAt(i + 1) == '\'') {
                        value.append('\'');
                        i += 2;
                    } else if (text.charAt(i) == '\'') {
                        i++;
                        break;
                    } else {
                        value.append(text.charAt(i++));
                    }
                }
                out.add(value.toString());
            } else if (text.startsWith("NULL", i)) {
                out.add(null);
                i += 4;
            } else {
                i++;
            }
        }
        return out;
    }
}
