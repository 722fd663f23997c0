package org.crm4j.persistence.jpa;

import java.util.Map;
import java.util.TreeMap;
import org.crm4j.CrmException;

/**
 * Writes the data of a domain event as text: one {@code key=value} line per entry, in key order.
 * A backslash escapes itself, line breaks ({@code \n}, {@code \r}) and, in keys, {@code =}; a
 * line without an unescaped {@code =} holds a key whose value is null. The format is plain on
 * purpose: an operator can read the outbox with SQL, and so can a plugin of another version.
 */
final class EventDataCodec {
    private EventDataCodec() {
    }

    /**
     * @param data an event's data
     * @return its text form; empty for no data
     */
    static String encode(Map<String, String> data) {
        StringBuilder s = new StringBuilder();
        for (Map.Entry<String, String> e : new TreeMap<>(data).entrySet()) {
            escape(e.getKey(), true, s);
            if (e.getValue() != null) {
                s.append('=');
                escape(e.getValue(), false, s);
            }
            s.append('\n');
        }
        return s.toString();
    }

    /**
     * @param text what {@link #encode} wrote
     * @return the data
     * @throws CrmException when the text is not in this format
     */
    static Map<String, String> decode(String text) {
        Map<String, String> data = new TreeMap<>();
        StringBuilder key = new StringBuilder();
        StringBuilder value = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            StringBuilder target = value == null ? key : value;
            if (c == '\\') {
                if (++i == text.length()) {
                    throw broken(text);
                }
                char escaped = text.charAt(i);
                switch (escaped) {
                    case 'n' -> target.append('\n');
                    case 'r' -> target.append('\r');
                    case '\\', '=' -> target.append(escaped);
                    default -> throw broken(text);
                }
            } else if (c == '=' && value == null) {
                value = new StringBuilder();
            } else if (c == '\n') {
                data.put(key.toString(), value == null ? null : value.toString());
                key.setLength(0);
                value = null;
            } else {
                target.append(c);
            }
        }
        if (key.length() > 0 || value != null) {
            throw broken(text);
        }
        return data;
    }

    private static void escape(String text, boolean key, StringBuilder s) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> s.append("\\\\");
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                case '=' -> s.append(key ? "\\=" : "=");
                default -> s.append(c);
            }
        }
    }

    private static CrmException broken(String text) {
        return new CrmException("Store failure: the data of an outbox event cannot be read: '"
                + (text.length() > 100 ? text.substring(0, 100) + "..." : text) + "'");
    }
}
