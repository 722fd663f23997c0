package org.crm4j;

/** A record that a call names does not exist. */
public class NotFoundException extends CrmException {
    private static final long serialVersionUID = 1L;

    private final String kind;
    private final String id;

    /**
     * @param kind what kind of record, e.g. {@code customer}
     * @param id the id that was asked for
     */
    public NotFoundException(String kind, Object id) {
        super("No " + kind + " with id " + id);
        this.kind = kind;
        this.id = String.valueOf(id);
    }

    /** @return what kind of record was asked for */
    public String kind() {
        return kind;
    }

    /** @return the id that was asked for, as text */
    public String id() {
        return id;
    }
}
