package org.crm4j.reports.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.crm4j.CrmException;
import org.crm4j.ValidationException;
import org.crm4j.customer.CustomerKind;
import org.crm4j.imports.ImportContact;
import org.crm4j.imports.ImportRow;
import org.junit.jupiter.api.Test;

/**
 * Reading customers from a CSV file: the column mapping, UTF-8 (with a byte order mark), quoted
 * fields with commas, quotes and line breaks, rows of one customer grouped with their contacts,
 * and the file line each row starts on.
 */
class CsvCustomerSourceTest {

    private static Path sample() throws URISyntaxException {
        return Path.of(CsvCustomerSourceTest.class.getResource("customers.csv").toURI());
    }

    /** The German ERP export of the test resources, mapped by its headers. */
    static CsvCustomerSource germanExport(Path file) {
        return CsvCustomerSource.of(file).system("ERP")
                .map("Kundennummer", CsvField.EXTERNAL_ID).map("Firma", CsvField.NAME).map("Art", CsvField.KIND)
                .map("USt-IdNr", CsvField.TAX_ID).map("Ort", CsvField.CITY).map("Land", CsvField.COUNTRY)
                .map("Tags", CsvField.TAGS).map("Ansprechpartner", CsvField.CONTACT_NAME)
                .map("E-Mail", CsvField.CONTACT_EMAIL).map("Telefon", CsvField.CONTACT_PHONE)
                .map("Rollen", CsvField.CONTACT_ROLES).map("Haupt", CsvField.CONTACT_PRIMARY);
    }

    private static List<ImportRow> read(CsvCustomerSource source) {
        List<ImportRow> rows = new ArrayList<>();
        try (source) {
            source.forEach(rows::add);
        }
        return rows;
    }

    @Test
    void readsTheMappedColumns_groupsContactsOfOneCustomer_andKeepsTheStartLines() throws Exception {
        List<ImportRow> rows = read(germanExport(sample()));

        assertThat(rows).extracting(ImportRow::externalId).containsExactly("10001", "10002", "10003", "10004", "10005");
        assertThat(rows).extracting(ImportRow::lineNumber).containsExactly(2L, 4L, 6L, 8L, 9L);
        ImportRow mueller = rows.get(0);
        assertThat(mueller.system()).isEqualTo("ERP");
        assertThat(mueller.name()).isEqualTo("Müller & Söhne GmbH");
        assertThat(mueller.kindText()).isEqualTo("company");
        assertThat(mueller.taxId()).isEqualTo("DE 123 456 789");
        assertThat(mueller.city()).isEqualTo("München");
        assertThat(mueller.country()).isEqualTo("DE");
        assertThat(mueller.tags()).containsExactly("key-account", "cnc");
        assertThat(mueller.contacts()).extracting(ImportContact::name).containsExactly("Jürgen Müller", "Ännchen Groß");
        assertThat(mueller.contacts().get(0).isPrimary()).isTrue();
        assertThat(mueller.contacts().get(0).phone()).isEqualTo("+49 89 1234567");
        assertThat(mueller.contacts().get(1).roles()).containsExactly("IT manager");
        assertThat(mueller.contacts().get(1).phone()).isNull();
        assertThat(rows.get(1).name()).isEqualTo("Smith, Jones and \"Partners\" Ltd");
        assertThat(rows.get(1).contacts()).isEmpty();
        assertThat(rows.get(1).tags()).isEmpty();
        assertThat(rows.get(2).name()).isEqualTo("Łukasz Nowak\n(sole trader)");
        assertThat(rows.get(2).kindText()).isEqualTo("person");
        assertThat(rows.get(3).contacts().get(0).email()).isEqualTo("ville(at)badmail.example");
        assertThat(rows.get(4).name()).isEmpty();
    }

    @Test
    void aFileSourceCanBeReadAgain() throws Exception {
        CsvCustomerSource source = germanExport(sample());

        assertThat(read(source)).hasSize(5);
        assertThat(read(source)).hasSize(5);
    }

    @Test
    void withoutMapping_headersNameTheFields_inAnyCase_andASemicolonFileReads() {
        String csv = "System;External_ID;NAME;tax_id;city;country;owner\n"
                + "SAP;42;ACME;;Berlin;DE;sam\n";

        List<ImportRow> rows = read(CsvCustomerSource.of(new StringReader(csv)).delimiter(';'));

        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.system()).isEqualTo("SAP");
            assertThat(r.externalId()).isEqualTo("42");
            assertThat(r.name()).isEqualTo("ACME");
            assertThat(r.taxId()).isEmpty();
            assertThat(r.ownerId()).isEqualTo("sam");
            assertThat(r.kind()).isNull();
            assertThat(r.industry()).isNull();
        });
    }

    @Test
    void aMappedColumnMissingFromTheHeader_isRefusedBeforeAnyRow() {
        CsvCustomerSource source = CsvCustomerSource.of(new StringReader("id,name\n1,ACME\n")).system("ERP")
                .map("id", CsvField.EXTERNAL_ID).map("Firma", CsvField.NAME);

        assertThatThrownBy(source::iterator).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.hasViolation("mapping.name")).isTrue());
    }

    @Test
    void withoutASystem_isRefused() {
        CsvCustomerSource source = CsvCustomerSource.of(new StringReader("external_id,name\n1,ACME\n"));

        assertThatThrownBy(source::iterator).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.hasViolation("system")).isTrue());
    }

    @Test
    void bytesThatAreNotUtf8_stopTheReading_namingTheFile() throws Exception {
        Path file = Files.createTempFile("latin1", ".csv");
        try {
            Files.write(file, "external_id,name\n1,M\u00fcller\n".getBytes(StandardCharsets.ISO_8859_1));

            assertThatThrownBy(() -> read(CsvCustomerSource.of(file).system("ERP")))
                    .isInstanceOf(CrmException.class).hasMessageContaining("not UTF-8");
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void anUnclosedQuote_stopsTheReading_withTheLine() {
        CsvCustomerSource source = CsvCustomerSource.of(new StringReader("external_id,name\n1,ACME\n2,\"Open\n"))
                .system("ERP");

        assertThatThrownBy(() -> read(source)).isInstanceOf(CrmException.class).hasMessageContaining("line 3");
    }

    @Test
    void aKindGivenAsText_isKeptForTheImportToCheck() {
        List<ImportRow> rows = read(CsvCustomerSource.of(new StringReader("external_id,kind,name\n1,PERSON,Jane\n"))
                .system("ERP"));

        assertThat(rows.get(0).kindText()).isEqualTo("PERSON");
        assertThat(rows.get(0).kind()).isNull();
        assertThat(CustomerKind.valueOf(rows.get(0).kindText())).isEqualTo(CustomerKind.PERSON);
    }
}
