package org.crm4j.customer;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.crm4j.ValidationException;

/**
 * Writes a {@link Criterion} tree as text and reads it back, so that a segment can be kept (by a
 * mailing, by the host) and evaluated later with the same meaning. The form is small and stable:
 * {@code and(in(CITY,"Berlin","Hamburg"),tag("vip"),not(cmp(RATING,EQ,"C")))}, with
 * {@code cmp(FIELD,OP,value)}, {@code in(FIELD,value,...)}, {@code text(FIELD,MODE,"text")},
 * {@code tag("t")}, {@code category("c")}, {@code and(...)}, {@code or(...)}, {@code not(...)};
 * text and time stamps are quoted (a {@code "} or {@code \} inside is written with a {@code \}
 * before it), statuses and kinds are their names.
 */
public final class CriteriaText {
    private CriteriaText() {
    }

    /**
     * @param criterion a tree
     * @return its text; {@link #parse} gives an equal tree back
     */
    public static String format(Criterion criterion) {
        ValidationException.requireNonNull(criterion, "criteria");
        StringBuilder out = new StringBuilder();
        write(criterion, out);
        return out.toString();
    }

    /**
     * @param text a tree as {@link #format} writes it
     * @return the tree
     * @throws ValidationException when the text is no such tree (field {@code criteria}, rule
     *     {@code Syntax}), the tree is deeper or larger than {@link Criterion} allows (rule
     *     {@code Depth} or {@code Size}), or a value does not fit its field
     */
    public static Criterion parse(String text) {
        ValidationException.requireNonNull(text, "criteria");
        Reader reader = new Reader(text);
        Criterion c = reader.criterion();
        reader.skipSpace();
        if (!reader.atEnd()) {
            throw reader.error("unexpected text after the criteria");
        }
        return c;
    }

    private static void write(Criterion c, StringBuilder out) {
        if (c instanceof Criterion.Compare cmp) {
            out.append("cmp(").append(cmp.field().name()).append(',').append(cmp.op().name()).append(',');
            value(cmp.value(), out);
            out.append(')');
        } else if (c instanceof Criterion.In in) {
            out.append("in(").append(in.field().name());
            in.values().stream().map(CriteriaText::valueText).sorted().forEach(v -> out.append(',').append(v));
            out.append(')');
        } else if (c instanceof Criterion.TextMatch t) {
            out.append("text(").append(t.field().name()).append(',').append(t.mode().name()).append(',');
            quote(t.text(), out);
            out.append(')');
        } else if (c instanceof Criterion.HasTag tag) {
            out.append("tag(");
            quote(tag.tag(), out);
            out.append(')');
        } else if (c instanceof Criterion.InCategory category) {
            out.append("category(");
            quote(category.category(), out);
            out.append(')');
        } else if (c instanceof Criterion.And and) {
            parts("and", and.parts(), out);
        } else if (c instanceof Criterion.Or or) {
            parts("or", or.parts(), out);
        } else {
            out.append("not(");
            write(((Criterion.Not) c).part(), out);
            out.append(')');
        }
    }

    private static void parts(String name, List<Criterion> parts, StringBuilder out) {
        out.append(name).append('(');
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            write(parts.get(i), out);
        }
        out.append(')');
    }

    private static String valueText(Object value) {
        StringBuilder s = new StringBuilder();
        value(value, s);
        return s.toString();
    }

    private static void value(Object value, StringBuilder out) {
        if (value instanceof Enum<?> e) {
            out.append(e.name());
        } else {
            quote(value.toString(), out);
        }
    }

    private static void quote(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '"' || ch == '\\') {
                out.append('\\');
            }
            out.append(ch);
        }
        out.append('"');
    }

    /** A recursive-descent reader of the text form. */
    private static final class Reader {
        private final String text;
        private int pos;
        private int depth;

        Reader(String text) {
            this.text = text;
        }

        Criterion criterion() {
            if (++depth > Criterion.MAX_DEPTH) {
                // refused before it is read further: a deeper text would exhaust the stack
                throw new ValidationException("criteria", "Depth", "at most " + Criterion.MAX_DEPTH
                        + " levels deep, deeper at position " + pos);
            }
            String name = word().toLowerCase(Locale.ROOT);
            expect('(');
            Criterion c = switch (name) {
                case "cmp" -> {
                    CustomerField field = field();
                    expect(',');
                    Criterion.Op op = enumOf(Criterion.Op.class, word(), "operator");
                    expect(',');
                    yield new Criterion.Compare(field, op, typed(field, token()));
                }
                case "in" -> {
                    CustomerField field = field();
                    Set<Object> values = new LinkedHashSet<>();
                    while (peek(',')) {
                        expect(',');
                        values.add(typed(field, token()));
                    }
                    yield new Criterion.In(field, values);
                }
                case "text" -> {
                    CustomerField field = field();
                    expect(',');
                    Criterion.TextMode mode = enumOf(Criterion.TextMode.class, word(), "text mode");
                    expect(',');
                    yield new Criterion.TextMatch(field, mode, quoted());
                }
                case "tag" -> new Criterion.HasTag(quoted());
                case "category" -> new Criterion.InCategory(quoted());
                case "and" -> new Criterion.And(list());
                case "or" -> new Criterion.Or(list());
                case "not" -> new Criterion.Not(criterion());
                default -> throw error("'" + name + "' is no criterion");
            };
            expect(')');
            depth--;
            return c;
        }

        private List<Criterion> list() {
            List<Criterion> parts = new ArrayList<>();
            parts.add(criterion());
            while (peek(',')) {
                expect(',');
                parts.add(criterion());
            }
            return parts;
        }

        private CustomerField field() {
            return enumOf(CustomerField.class, word(), "field");
        }

        private Object typed(CustomerField field, String value) {
            Class<?> type = field.type();
            if (type == CustomerStatus.class) {
                return enumOf(CustomerStatus.class, value, "status");
            }
            if (type == CustomerKind.class) {
                return enumOf(CustomerKind.class, value, "kind");
            }
            if (type == Instant.class) {
                try {
                    return Instant.parse(value);
                } catch (DateTimeParseException e) {
                    throw error("'" + value + "' is no time stamp");
                }
            }
            return value;
        }

        private <E extends Enum<E>> E enumOf(Class<E> type, String name, String what) {
            try {
                return Enum.valueOf(type, name);
            } catch (IllegalArgumentException e) {
                throw error("'" + name + "' is no " + what);
            }
        }

        /** A quoted text or a bare word. */
        private String token() {
            skipSpace();
            return peekRaw('"') ? quoted() : word();
        }

        private String word() {
            skipSpace();
            int start = pos;
            while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
                pos++;
            }
            if (start == pos) {
                throw error("a name was expected");
            }
            return text.substring(start, pos);
        }

        private String quoted() {
            skipSpace();
            if (!peekRaw('"')) {
                throw error("a quoted text was expected");
            }
            pos++;
            StringBuilder s = new StringBuilder();
            while (pos < text.length()) {
                char ch = text.charAt(pos++);
                if (ch == '"') {
                    return s.toString();
                }
                if (ch == '\\' && pos < text.length()) {
                    ch = text.charAt(pos++);
                }
                s.append(ch);
            }
            throw error("a quoted text is not closed");
        }

        private boolean peek(char ch) {
            skipSpace();
            return peekRaw(ch);
        }

        private boolean peekRaw(char ch) {
            return pos < text.length() && text.charAt(pos) == ch;
        }

        private void expect(char ch) {
            if (!peek(ch)) {
                throw error("'" + ch + "' was expected");
            }
            pos++;
        }

        void skipSpace() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        boolean atEnd() {
            return pos >= text.length();
        }

        ValidationException error(String message) {
            return new ValidationException("criteria", "Syntax", message + " at position " + pos);
        }
    }
}
