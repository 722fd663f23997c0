package org.crm4j;

/**
 * The acting user may not do this (need-to-know, R28): the record exists, but only its owner, the
 * owner's superiors and administrators may see its details or change it.
 */
public class AccessDeniedException extends CrmException {
    private static final long serialVersionUID = 1L;

    private final String actorId;

    /**
     * @param actorId who tried
     * @param what what they tried, e.g. {@code open customer 42}
     */
    public AccessDeniedException(String actorId, String what) {
        super("User '" + actorId + "' may not " + what);
        this.actorId = actorId;
    }

    /** @return the id of the user who was refused */
    public String actorId() {
        return actorId;
    }
}
