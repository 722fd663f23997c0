package org.crm4j.persistence.jpa;

import java.util.Locale;
import java.util.Map;

/**
 * The databases the schema migration knows, with the column types that differ between them
 * (the Flyway placeholders of the migration scripts).
 *
 * <p>{@code keyText} is the type of the sort keys ({@code name_key}): it must compare by code
 * point on every database, so that every store pages alike. {@code bytes} holds a document's content
 * (up to 10 MiB). PostgreSQL compares by the
 * database's locale unless told {@code COLLATE "C"}; H2 compares strings as Java does.
 */
enum DatabaseKind {
    /** H2 2.x, the embedded default. */
    H2("varchar(200)", "varchar", "uuid", "varbinary(10485760)"),
    /** PostgreSQL 12 or later. */
    POSTGRESQL("varchar(200) collate \"C\"", "text", "uuid", "bytea"),
    /** Any other database: the ANSI/H2 forms are tried. */
    OTHER("varchar(200)", "varchar", "uuid", "blob");

    private final String keyText;
    private final String longText;
    private final String uuid;
    private final String bytes;

    DatabaseKind(String keyText, String longText, String uuid, String bytes) {
        this.keyText = keyText;
        this.longText = longText;
        this.uuid = uuid;
        this.bytes = bytes;
    }

    /**
     * @param productName the JDBC driver's database product name
     * @return the kind
     */
    static DatabaseKind of(String productName) {
        String name = productName == null ? "" : productName.toLowerCase(Locale.ROOT);
        if (name.equals("h2")) {
            return H2;
        }
        if (name.contains("postgres")) {
            return POSTGRESQL;
        }
        return OTHER;
    }

    /** @return the values of the migration scripts' placeholders */
    Map<String, String> placeholders() {
        return Map.of("keyText", keyText, "longText", longText, "uuid", uuid, "bytes", bytes);
    }
}
