package org.crm4j;

/**
 * The change collides with the state of the database: the record was changed by someone else
 * since it was read (a stale version), or a unique fact (such as an external reference) is
 * already taken. Nothing of the failed call was written; reload and try again.
 */
public class ConflictException extends CrmException {
    private static final long serialVersionUID = 1L;

    /** @param message what collided */
    public ConflictException(String message) {
        super(message);
    }

    /**
     * @param message what collided
     * @param cause the underlying failure
     */
    public ConflictException(String message, Throwable cause) {
        super(message, cause);
    }
}
