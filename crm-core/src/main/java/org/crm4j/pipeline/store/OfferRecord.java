package org.crm4j.pipeline.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import org.crm4j.pipeline.OfferLine;
import org.crm4j.pipeline.OfferStatus;

/**
 * The stored state of an offer, as the core hands it to a store and gets it back.
 *
 * @param id the id; 0 before the first insert
 * @param version the optimistic version
 * @param opportunityId the deal it is made for
 * @param customerId the deal's customer
 * @param number its version within the deal: 1 for the first offer, 2 for the next ...
 * @param status where it stands
 * @param currency the deal's pipeline currency; every line is priced in it
 * @param lines the lines, in order
 * @param validUntil the last day the customer may accept it
 * @param terms free text printed on the document (payment, delivery), or null
 * @param createdBy who drafted it
 * @param createdAt when it was drafted
 * @param sentAt when it was sent, or null
 * @param decidedAt when it was accepted, rejected or expired, or null
 * @param decisionNote why it was rejected (or a note on the acceptance), or null
 * @param updatedAt when it last changed
 */
public record OfferRecord(long id, long version, long opportunityId, long customerId, int number, OfferStatus status,
        Currency currency, List<OfferLine> lines, LocalDate validUntil, String terms, String createdBy,
        Instant createdAt, Instant sentAt, Instant decidedAt, String decisionNote, Instant updatedAt) {

    /** Copies the lines. */
    public OfferRecord {
        lines = List.copyOf(lines);
    }

    /**
     * @param newId the assigned id
     * @param newVersion the stored version
     * @return a copy with the identity a store assigned
     */
    public OfferRecord withIdentity(long newId, long newVersion) {
        return new OfferRecord(newId, newVersion, opportunityId, customerId, number, status, currency, lines,
                validUntil, terms, createdBy, createdAt, sentAt, decidedAt, decisionNote, updatedAt);
    }
}
