package org.crm4j.persistence.jpa;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.crm4j.store.ReferenceVersionStore;

/** The versions of the cached reference data, in {@code crm_reference_version} (see the migration to version 20). */
final class JpaReferenceVersionStore implements ReferenceVersionStore {
    private final JpaTransaction tx;

    JpaReferenceVersionStore(JpaTransaction tx) {
        this.tx = tx;
    }

    @Override
    public Map<String, Long> versions() {
        List<Object[]> rows = tx.session().createNativeQuery("select kind, version from crm_reference_version",
                Object[].class).getResultList();
        Map<String, Long> versions = new HashMap<>();
        for (Object[] row : rows) {
            versions.put((String) row[0], ((Number) row[1]).longValue());
        }
        return versions;
    }

    @Override
    public void bump(String kind) {
        int updated = tx.writing().createNativeMutationQuery(
                        "update crm_reference_version set version = version + 1 where kind = :kind")
                .setParameter("kind", kind)
                .executeUpdate();
        if (updated == 0) {
            tx.writing().createNativeMutationQuery("insert into crm_reference_version (kind, version) values (:kind, 1)")
                    .setParameter("kind", kind)
                    .executeUpdate();
        }
    }
}
