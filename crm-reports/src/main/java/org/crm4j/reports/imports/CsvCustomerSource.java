package org.crm4j.reports.imports;

import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.crm4j.CrmException;
import org.crm4j.ValidationException;
import org.crm4j.imports.ImportContact;
import org.crm4j.imports.ImportRow;

/**
 * Customers from a CSV file (RFC 4180: quoted fields with commas, quotes and line breaks), as
 * {@link ImportRow}s for {@code crm.as(actor).imports().customers(source, options)}. The file is
 * UTF-8 (a byte order mark is skipped; bytes that are not UTF-8 stop the reading with a
 * {@link CrmException} naming the line); its first line is the header, and each column is mapped
 * to a {@link CsvField} by {@link #map} or, without a mapping, by its header being the field's
 * {@link CsvField#header() default header} in any case. Columns mapped to nothing are ignored.
 *
 * <pre>{@code
 * try (CsvCustomerSource erp = CsvCustomerSource.of(Path.of("customers.csv")).system("SAP")
 *         .map("Kundennummer", CsvField.EXTERNAL_ID).map("Firma", CsvField.NAME)) {
 *     ImportReport report = crm.as(ada).imports().customers(erp, ImportOptions.defaults());
 * }
 * }</pre>
 *
 * <p>Each row is one customer with at most one contact person (the {@code CONTACT_*} columns, when
 * any is filled); rows with the same reference one right after the other are one customer with
 * the contacts of all of them (its fields taken from the first). A mapped column left empty clears
 * its field (see {@link ImportRow}); a row with fewer fields than the header gives none of the
 * missing ones; empty lines are skipped. Each row's line is the file line it starts on, so that
 * rejections name the line an editor shows. Reading is streaming: one row at a time, whatever the
 * size of the file.
 *
 * <p>A source made {@link #of(Path) from a file} can be iterated several times (each iteration
 * reads the file anew); one made {@link #of(Reader) from a reader} once. Close it to release a file
 * an iteration did not read to its end. Not thread-safe.
 */
public final class CsvCustomerSource implements Iterable<ImportRow>, AutoCloseable {
    private final Path file;
    private Reader reader;
    private final Map<CsvField, String> mapping = new EnumMap<>(CsvField.class);
    private String system;
    private char delimiter = ',';
    private char listSeparator = '|';
    private final List<Reader> open = new ArrayList<>();

    private CsvCustomerSource(Path file, Reader reader) {
        this.file = file;
        this.reader = reader;
    }

    /**
     * @param file a UTF-8 CSV file with a header line
     * @return a source reading it
     */
    public static CsvCustomerSource of(Path file) {
        return new CsvCustomerSource(ValidationException.requireNonNull(file, "file"), null);
    }

    /**
     * @param text CSV text with a header line; read once, closed when read to the end or on {@link #close}
     * @return a source reading it
     */
    public static CsvCustomerSource of(Reader text) {
        return new CsvCustomerSource(null, ValidationException.requireNonNull(text, "reader"));
    }

    /**
     * @param header a column's header, as in the file (compared ignoring case)
     * @param field what it holds
     * @return this
     */
    public CsvCustomerSource map(String header, CsvField field) {
        ValidationException.requireNonNull(header, "header");
        mapping.put(ValidationException.requireNonNull(field, "field"), header.strip());
        return this;
    }

    /**
     * @param name the source system of every row's reference, e.g. {@code SAP}; instead of a
     *     {@link CsvField#SYSTEM} column
     * @return this
     */
    public CsvCustomerSource system(String name) {
        this.system = ValidationException.requireNonNull(name, "system");
        return this;
    }

    /**
     * @param c the field delimiter, {@code ,} by default ({@code ;} for files of a German Excel)
     * @return this
     */
    public CsvCustomerSource delimiter(char c) {
        this.delimiter = c;
        return this;
    }

    /**
     * @param c what separates the values of a list field (tags, categories, roles), {@code |} by default
     * @return this
     */
    public CsvCustomerSource listSeparator(char c) {
        this.listSeparator = c;
        return this;
    }

    /**
     * Opens the file (or takes the reader) and reads the header.
     *
     * @return the rows, read as they are asked for
     * @throws ValidationException when a mapped column is not in the header, or neither a system
     *     nor a system column is given, or there is no external id column
     * @throws CrmException when the file cannot be read
     */
    @Override
    public Iterator<ImportRow> iterator() {
        Reader in;
        if (file != null) {
            try {
                in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new CrmException("Cannot read " + file + ": " + e.getMessage(), e);
            }
        } else {
            if (reader == null) {
                throw new CrmException("A CSV source made from a reader can be read once");
            }
            in = reader;
            reader = null;
        }
        open.add(in);
        try {
            return new Rows(in);
        } catch (RuntimeException e) {
            closeQuietly(in);
            throw e;
        }
    }

    /** Closes what an iteration left open. */
    @Override
    public void close() {
        for (Reader r : open) {
            closeQuietly(r);
        }
        open.clear();
        if (reader != null) {
            closeQuietly(reader);
            reader = null;
        }
    }

    private static void closeQuietly(Reader r) {
        try {
            r.close();
        } catch (IOException ignored) {
            // nothing was written, nothing is lost
        }
    }

    private String where() {
        return file != null ? file.toString() : "the CSV text";
    }

    /** One record with the line it starts on. */
    private record Line(long number, CSVRecord record) {
    }

    /** The rows of one reading: records grouped by reference, one look-ahead record at a time. */
    private final class Rows implements Iterator<ImportRow> {
        private final Reader in;
        private final CSVParser parser;
        private final Iterator<CSVRecord> records;
        private final Map<CsvField, Integer> columns = new EnumMap<>(CsvField.class);
        private Line next;
        private boolean done;

        Rows(Reader source) {
            this.in = source;
            CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setHeader()
                    .setSkipHeaderRecord(true).setIgnoreEmptyLines(false).get();
            try {
                this.parser = format.parse(withoutBom(source));
            } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
                throw unreadable(1, e);
            }
            List<String> headers = parser.getHeaderNames();
            List<ValidationException.Violation> violations = new ArrayList<>();
            for (CsvField field : CsvField.values()) {
                String wanted = mapping.getOrDefault(field, field.header());
                int found = -1;
                for (int i = 0; i < headers.size(); i++) {
                    if (headers.get(i) != null && headers.get(i).strip().equalsIgnoreCase(wanted)) {
                        found = i;
                        break;
                    }
                }
                if (found >= 0) {
                    columns.put(field, found);
                } else if (mapping.containsKey(field)) {
                    violations.add(new ValidationException.Violation("mapping." + field.header(), "Column",
                            "the header of " + where() + " has no column '" + wanted + "'"));
                }
            }
            if (!columns.containsKey(CsvField.EXTERNAL_ID) && !mapping.containsKey(CsvField.EXTERNAL_ID)) {
                violations.add(new ValidationException.Violation("mapping.external_id", "Column",
                        "the header of " + where() + " has no column of the external id (map one to EXTERNAL_ID)"));
            }
            if (system == null && !columns.containsKey(CsvField.SYSTEM) && !mapping.containsKey(CsvField.SYSTEM)) {
                violations.add(new ValidationException.Violation("system", "NotNull",
                        "give the source system with system(...) or map a column to SYSTEM"));
            }
            if (!violations.isEmpty()) {
                closeQuietly(in);
                throw new ValidationException(violations);
            }
            this.records = parser.iterator();
        }

        @Override
        public boolean hasNext() {
            if (next == null && !done) {
                next = fetch();
            }
            return next != null;
        }

        @Override
        public ImportRow next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Line first = next;
            next = null;
            ImportRow row = row(first);
            String ref = refOf(first.record());
            while (true) {
                Line more = fetch();
                if (more == null) {
                    break;
                }
                if (!Objects.equals(ref, refOf(more.record()))) {
                    next = more;
                    break;
                }
                contact(more.record()).ifPresent(row::contact);
            }
            return row;
        }

        /** The next record that is not an empty line, with its first line; null at the end (the file closed). */
        private Line fetch() {
            while (!done) {
                long number = parser.getCurrentLineNumber() + 1;
                try {
                    if (!records.hasNext()) {
                        done = true;
                        closeQuietly(in);
                        open.remove(in);
                        return null;
                    }
                    CSVRecord record = records.next();
                    if (record.size() == 1 && record.get(0).isBlank()) {
                        continue;
                    }
                    return new Line(number, record);
                } catch (UncheckedIOException | IllegalStateException e) {
                    done = true;
                    closeQuietly(in);
                    throw unreadable(number, e);
                }
            }
            return null;
        }

        private String value(CSVRecord record, CsvField field) {
            Integer column = columns.get(field);
            if (column == null || column >= record.size()) {
                return null;
            }
            return record.get(column);
        }

        private boolean has(CSVRecord record, CsvField field) {
            return value(record, field) != null;
        }

        private String refOf(CSVRecord record) {
            String sys = system != null ? system : value(record, CsvField.SYSTEM);
            return (sys == null ? "" : sys.strip()) + "\u0000" + Objects.toString(value(record, CsvField.EXTERNAL_ID), "").strip();
        }

        private ImportRow row(Line line) {
            CSVRecord r = line.record();
            ImportRow row = ImportRow.of(system != null ? system : value(r, CsvField.SYSTEM),
                    blankToNull(value(r, CsvField.EXTERNAL_ID))).line(line.number());
            if (has(r, CsvField.KIND)) {
                row.kind(value(r, CsvField.KIND));
            }
            if (has(r, CsvField.NAME)) {
                row.name(value(r, CsvField.NAME));
            }
            if (has(r, CsvField.TAX_ID)) {
                row.taxId(value(r, CsvField.TAX_ID));
            }
            if (has(r, CsvField.INDUSTRY)) {
                row.industry(value(r, CsvField.INDUSTRY));
            }
            if (has(r, CsvField.STREET) || has(r, CsvField.POSTAL_CODE) || has(r, CsvField.CITY)
                    || has(r, CsvField.REGION) || has(r, CsvField.COUNTRY)) {
                row.address(value(r, CsvField.STREET), value(r, CsvField.POSTAL_CODE), value(r, CsvField.CITY),
                        value(r, CsvField.REGION), value(r, CsvField.COUNTRY));
            }
            if (has(r, CsvField.RATING)) {
                row.rating(value(r, CsvField.RATING));
            }
            if (has(r, CsvField.CATEGORIES)) {
                row.categories(list(value(r, CsvField.CATEGORIES)));
            }
            if (has(r, CsvField.TAGS)) {
                row.tags(list(value(r, CsvField.TAGS)));
            }
            if (has(r, CsvField.OWNER)) {
                String owner = value(r, CsvField.OWNER);
                row.owner(owner.isBlank() ? null : owner);
            }
            contact(r).ifPresent(row::contact);
            return row;
        }

        private java.util.Optional<ImportContact> contact(CSVRecord r) {
            String name = value(r, CsvField.CONTACT_NAME);
            String title = value(r, CsvField.CONTACT_JOB_TITLE);
            String email = value(r, CsvField.CONTACT_EMAIL);
            String phone = value(r, CsvField.CONTACT_PHONE);
            String roles = value(r, CsvField.CONTACT_ROLES);
            String primary = value(r, CsvField.CONTACT_PRIMARY);
            if (isBlank(name) && isBlank(title) && isBlank(email) && isBlank(phone) && isBlank(roles)) {
                return java.util.Optional.empty();
            }
            ImportContact c = ImportContact.named(blankToNull(name)).email(blankToNull(email))
                    .phone(blankToNull(phone));
            if (title != null) {
                c.jobTitle(title);
            }
            if (roles != null) {
                c.roles(list(roles));
            }
            if (primary != null && List.of("true", "yes", "1", "x").contains(primary.strip().toLowerCase(Locale.ROOT))) {
                c.primary();
            }
            return java.util.Optional.of(c);
        }

        private String[] list(String text) {
            List<String> out = new ArrayList<>();
            int from = 0;
            for (int i = 0; i <= text.length(); i++) {
                if (i == text.length() || text.charAt(i) == listSeparator) {
                    String part = text.substring(from, i).strip();
                    if (!part.isEmpty()) {
                        out.add(part);
                    }
                    from = i + 1;
                }
            }
            return out.toArray(String[]::new);
        }
    }

    private CrmException unreadable(long line, Exception e) {
        Throwable cause = e;
        while (cause.getCause() != null && !(cause instanceof CharacterCodingException)) {
            cause = cause.getCause();
        }
        String why = cause instanceof CharacterCodingException ? "it is not UTF-8" : String.valueOf(cause.getMessage());
        return new CrmException("Cannot read " + where() + " at line " + line + ": " + why);
    }

    /** Skips a UTF-8 byte order mark (as spreadsheet programs write) at the start. */
    private static Reader withoutBom(Reader in) throws IOException {
        PushbackReader pushback = new PushbackReader(in, 1);
        int first = pushback.read();
        if (first != -1 && first != '\uFEFF') {
            pushback.unread(first);
        }
        return pushback;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
