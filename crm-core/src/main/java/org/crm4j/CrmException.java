package org.crm4j;

/**
 * The root of every exception crm4j throws to a caller. It is unchecked; its subtypes say what
 * went wrong and carry the context a caller needs to react ({@link ValidationException},
 * {@link NotFoundException}, {@link ConflictException}, {@link AccessDeniedException}).
 * No exception of the persistence technology underneath ever reaches a caller: store adapters
 * translate them at their boundary into this hierarchy.
 */
public class CrmException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong, in words a host developer can act on
     */
    public CrmException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong
     * @param cause the underlying failure
     */
    public CrmException(String message, Throwable cause) {
        super(message, cause);
    }
}
