package org.crm4j.common;

import org.crm4j.ValidationException;

/**
 * A reference to a record of the host's ERP or another system, e.g. {@code (SAP, 0000104711)}.
 * A given reference belongs to at most one customer.
 *
 * @param system the system's short name, e.g. {@code SAP}; 1 to 50 characters
 * @param id the record's id in that system; 1 to 100 characters
 */
public record ExternalRef(String system, String id) {

    /** @throws ValidationException when either part is blank or too long */
    public ExternalRef {
        if (system == null || system.isBlank()) {
            throw new ValidationException("externalRef.system", "NotBlank", "a system name is required");
        }
        if (id == null || id.isBlank()) {
            throw new ValidationException("externalRef.id", "NotBlank", "an id is required");
        }
        system = system.strip();
        id = id.strip();
        if (system.length() > 50) {
            throw new ValidationException("externalRef.system", "Size", "must be at most 50 characters");
        }
        if (id.length() > 100) {
            throw new ValidationException("externalRef.id", "Size", "must be at most 100 characters");
        }
    }

    /**
     * @param system the system
     * @param id the id there
     * @return the reference
     */
    public static ExternalRef of(String system, String id) {
        return new ExternalRef(system, id);
    }

    @Override
    public String toString() {
        return system + ":" + id;
    }
}
