package org.crm4j.internal;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.crm4j.ValidationException.Violation;
import org.crm4j.common.Storable;

/**
 * The rules every value crm4j keeps obeys, whatever the field, so that every store keeps it alike:
 * a text holds no U+0000 (PostgreSQL refuses it, H2 and the heap keep it) and no lone UTF-16
 * surrogate (PostgreSQL silently stores a {@code ?} instead); an instant or a date lies in the
 * years 1 to 9999 (what the databases keep; {@code Instant.MAX} overflows them). Checked by walking
 * an object's fields, its collections and the crm4j objects it holds, so that a new field is
 * covered without a line of its own.
 */
public final class StoredValues {
    /** The rule's name in a {@link Violation}. */
    static final String RULE = "Text";
    private static final int MAX_DEPTH = 6;
    private static final Map<Class<?>, List<Field>> FIELDS = new ConcurrentHashMap<>();

    private StoredValues() {
    }

    /**
     * @param text a text
     * @return whether it holds U+0000 or a lone surrogate
     */
    public static boolean broken(String text) {
        return !Storable.storable(text);
    }


    /**
     * @param instant an instant
     * @return whether every store keeps it
     */
    public static boolean inRange(java.time.Instant instant) {
        return Storable.storable(instant);
    }

    /**
     * @param field the field's name
     * @return the violation of an instant or date no store keeps
     */
    public static Violation outOfRange(String field) {
        return Storable.outOfRange(field);
    }

    /** @return the violation of a broken text under the field's name */
    public static Violation violation(String field) {
        return Storable.violation(field);
    }

    /**
     * @param object an object of crm4j's
     * @return a violation for every text in it that breaks the rule, named by its path
     */
    public static List<Violation> violations(Object object) {
        List<Violation> out = new ArrayList<>();
        walk(object, "", out, java.util.Collections.newSetFromMap(new IdentityHashMap<>()), 0);
        return out;
    }

    private static void walk(Object value, String path, List<Violation> out, Set<Object> seen, int depth) {
        if (value == null || depth > MAX_DEPTH) {
            return;
        }
        if (value instanceof String text) {
            if (broken(text)) {
                out.add(violation(path.isEmpty() ? "text" : path));
            }
            return;
        }
        if (value instanceof java.time.Instant instant) {
            if (!inRange(instant)) {
                out.add(outOfRange(path.isEmpty() ? "instant" : path));
            }
            return;
        }
        if (value instanceof java.time.LocalDate date) {
            if (date.getYear() < 1 || date.getYear() > 9999) {
                out.add(outOfRange(path.isEmpty() ? "date" : path));
            }
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                walk(item, path + "[" + i++ + "]", out, seen, depth + 1);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                walk(e.getKey(), path + "[key]", out, seen, depth + 1);
                walk(e.getValue(), path + "[" + e.getKey() + "]", out, seen, depth + 1);
            }
            return;
        }
        Class<?> type = value.getClass();
        if (type.isEnum() || !type.getName().startsWith("org.crm4j.") || !seen.add(value)) {
            return;
        }
        for (Field field : fieldsOf(type)) {
            Object inner;
            try {
                inner = field.get(value);
            } catch (IllegalAccessException e) {
                continue;
            }
            walk(inner, path.isEmpty() ? field.getName() : path + "." + field.getName(), out, seen, depth + 1);
        }
    }

    private static List<Field> fieldsOf(Class<?> type) {
        return FIELDS.computeIfAbsent(type, t -> {
            List<Field> fields = new ArrayList<>();
            for (Class<?> c = t; c != null && c.getName().startsWith("org.crm4j."); c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    if (!Modifier.isStatic(f.getModifiers()) && !f.isSynthetic() && f.trySetAccessible()) {
                        fields.add(f);
                    }
                }
            }
            return List.copyOf(fields);
        });
    }
}
