package org.crm4j.activity;

import java.util.ArrayList;
import java.util.List;
import org.crm4j.ValidationException;
import org.crm4j.ValidationException.Violation;
import org.crm4j.activity.store.RequestRecord;

/**
 * A request as an integration hands it over (an e-mail to the service address, a web form, a
 * ticket of the helpdesk), with the id the source system gave it; pass it to
 * {@link Requests#receive}. The pair (system, id) is the intake's idempotency key: the same pair
 * again logs nothing and returns the first request.
 *
 * <pre>{@code
 * crm.as(mailBridge).requests().receive(InboundRequest.of("MAIL", message.getMessageID(),
 *         NewRequest.question(acme.id(), message.getSubject()).text(body)));
 * }</pre>
 *
 * @param sourceSystem the source system's short name, 1 to 50 characters (e.g. {@code MAIL})
 * @param sourceId the request's id there, 1 to 250 characters (e.g. the e-mail's Message-ID)
 * @param request the request
 */
public record InboundRequest(String sourceSystem, String sourceId, NewRequest request) {

    /** @throws ValidationException listing every missing or too long part */
    public InboundRequest {
        List<Violation> violations = new ArrayList<>();
        sourceSystem = sourceSystem == null ? null : sourceSystem.strip();
        sourceId = sourceId == null ? null : sourceId.strip();
        if (sourceSystem == null || sourceSystem.isEmpty()) {
            violations.add(new Violation("sourceSystem", "NotBlank", "name the system the request came in from"));
        } else if (sourceSystem.length() > RequestRecord.MAX_SOURCE_SYSTEM) {
            violations.add(new Violation("sourceSystem", "Size", "at most " + RequestRecord.MAX_SOURCE_SYSTEM
                    + " characters, was " + sourceSystem.length()));
        }
        if (sourceId == null || sourceId.isEmpty()) {
            violations.add(new Violation("sourceId", "NotBlank", "the id the source system gave the request"
                    + " makes receiving it idempotent"));
        } else if (sourceId.length() > RequestRecord.MAX_SOURCE_ID) {
            violations.add(new Violation("sourceId", "Size", "at most " + RequestRecord.MAX_SOURCE_ID
                    + " characters, was " + sourceId.length()));
        }
        if (request == null) {
            violations.add(new Violation("request", "NotNull", "cannot be null"));
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
    }

    /**
     * @param sourceSystem the source system
     * @param sourceId the request's id there
     * @param request the request
     * @return the inbound request
     */
    public static InboundRequest of(String sourceSystem, String sourceId, NewRequest request) {
        return new InboundRequest(sourceSystem, sourceId, request);
    }
}
