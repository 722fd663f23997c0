package org.crm4j.examples;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.crm4j.Crm;
import org.crm4j.access.Actor;
import org.crm4j.access.InMemoryUserDirectory;
import org.crm4j.customer.NewCustomer;
import org.crm4j.imports.ImportOptions;
import org.crm4j.imports.ImportReport;
import org.crm4j.imports.ImportWarning;
import org.crm4j.imports.LikelyDuplicate;
import org.crm4j.imports.RejectedRow;
import org.crm4j.reports.imports.CsvCustomerSource;
import org.crm4j.reports.imports.CsvField;

/**
 * Customers from the ERP's CSV export into the CRM: a dry run first, then the import (a bad
 * e-mail and a missing name are rejected with their line, field and rule, a customer the CRM knew
 * already without the ERP's number is reported as a likely duplicate instead of being made twice),
 * then the same file again, which changes nothing.
 *
 * <p>Run it with {@code mvn -q -B -pl crm-examples -am -DskipTests package exec:java
 * -Dexec.mainClass=org.crm4j.examples.ImportScenario}.
 */
public final class ImportScenario {
    private final PrintStream out;

    /** @param out where the story is printed */
    public ImportScenario(PrintStream out) {
        this.out = out;
    }

    /** @param args none */
    public static void main(String[] args) {
        new ImportScenario(System.out).run();
    }

    /** Runs the story. */
    public void run() {
        var directory = new InMemoryUserDirectory().add("mia", null).add("sam", "mia").add("ada", null, Actor.ADMIN);
        try (Crm crm = Crm.builder().userDirectory(directory).build()) {
            Actor ada = Actor.of("ada", Actor.ADMIN);
            // Sam met Smith, Jones and Partners at a fair and entered them by hand, without the ERP's number.
            crm.as(Actor.of("sam")).customers().create(NewCustomer.company("Smith Jones & Partners Ltd")
                    .taxId("GB 123 456 789"));

            // the ERP names countries in German ("Deutschland") and keeps old national phone numbers
            print("Dry run", crm.as(ada).imports().customers(export(), ImportOptions.defaults().dryRun()
                    .countryNames(Locale.GERMAN)));
            print("Import", crm.as(ada).imports().customers(export(), ImportOptions.defaults()
                    .countryNames(Locale.GERMAN).onProgress(soFar -> out.println("  " + soFar.rows() + " rows read so far"))));
            print("Same file again", crm.as(ada).imports().customers(export(), ImportOptions.defaults()
                    .countryNames(Locale.GERMAN)));
        }
    }

    /** The ERP's export (German headers, one line per contact person), mapped to the CRM's fields. */
    private static CsvCustomerSource export() {
        InputStream bytes = ImportScenario.class.getResourceAsStream("erp-customers.csv");
        if (bytes == null) {
            throw new UncheckedIOException(new IOException("erp-customers.csv is missing from the class path"));
        }
        Reader text = new InputStreamReader(bytes, StandardCharsets.UTF_8.newDecoder());
        return CsvCustomerSource.of(text).system("ERP")
                .map("Kundennummer", CsvField.EXTERNAL_ID).map("Firma", CsvField.NAME).map("Art", CsvField.KIND)
                .map("USt-IdNr", CsvField.TAX_ID).map("Ort", CsvField.CITY).map("Land", CsvField.COUNTRY)
                .map("Tags", CsvField.TAGS).map("Ansprechpartner", CsvField.CONTACT_NAME)
                .map("E-Mail", CsvField.CONTACT_EMAIL).map("Telefon", CsvField.CONTACT_PHONE)
                .map("Rollen", CsvField.CONTACT_ROLES).map("Haupt", CsvField.CONTACT_PRIMARY);
    }

    private void print(String title, ImportReport r) {
        out.println(title + ": " + r.rows() + " rows, " + r.created() + " created, " + r.updated() + " updated, "
                + r.unchanged() + " unchanged, " + r.rejected() + " rejected, " + r.skipped()
                + " skipped as likely duplicates");
        for (RejectedRow rejected : r.rejections()) {
            rejected.violations().forEach(v -> out.println("  line " + rejected.line() + " (" + rejected.externalRef()
                    + ") rejected: " + v.field() + " [" + v.rule() + "] " + v.message()));
        }
        for (ImportWarning w : r.warnings()) {
            out.println("  line " + w.line() + " (" + w.externalRef() + ") " + w.field() + " '" + w.value() + "': "
                    + w.message());
        }
        for (LikelyDuplicate d : r.likelyDuplicates()) {
            d.matches().forEach(m -> out.println("  line " + d.line() + " (" + d.externalRef() + ") looks like customer "
                    + m.id() + " " + m.name() + ", score " + m.score() + " " + m.reasons()));
        }
    }
}
