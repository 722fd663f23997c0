package org.crm4j.persistence.jpa;

import java.util.Collection;

/** Writing an entity's element collection only when it changed, so that Hibernate rewrites nothing else. */
final class ElementCollections {
    private ElementCollections() {
    }

    /**
     * @param current the managed collection
     * @param wanted what it should hold
     * @param <T> the element type
     */
    static <T> void replace(Collection<T> current, Collection<T> wanted) {
        if (!current.equals(wanted)) {
            current.clear();
            current.addAll(wanted);
        }
    }
}
