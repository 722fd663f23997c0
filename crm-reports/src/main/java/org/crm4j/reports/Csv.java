package org.crm4j.reports;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A writer of RFC 4180 CSV: comma-separated fields, CRLF line ends, and a field enclosed in
 * double quotes (its double quotes doubled) when it holds a comma, a double quote, a CR or an LF.
 */
final class Csv {
    private final Appendable out;

    /** Something that writes CSV to an {@link Appendable}. */
    interface Writing {
        void writeTo(Appendable out) throws IOException;
    }

    /** @return what the writing writes, as text */
    static String text(Writing writing) {
        StringBuilder text = new StringBuilder();
        try {
            writing.writeTo(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not throw
        }
        return text.toString();
    }

    Csv(Appendable out) {
        this.out = out;
    }

    /** Writes one record. */
    void line(String... fields) throws IOException {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            field(fields[i]);
        }
        out.append("\r\n");
    }

    private void field(String value) throws IOException {
        String text = value == null ? "" : value;
        if (text.chars().noneMatch(c -> c == ',' || c == '"' || c == '\r' || c == '\n')) {
            out.append(text);
            return;
        }
        out.append('"').append(text.replace("\"", "\"\"")).append('"');
    }
}
