package org.crm4j.customer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A customer's contract with a competitor (R15): who supplies them, what, and until when. Its
 * customer's owner gets a notice some days before it ends (see
 * {@code Crm.Builder.competitorContractNoticeDays}), the time to offer ours. Seen by those who may
 * see the customer's details (R28).
 *
 * @param id the id
 * @param customerId the customer
 * @param supplier the competitor
 * @param product what the customer has from them, or null
 * @param endsOn the contract's last day
 * @param note a note, or null
 * @param createdBy who entered it
 * @param createdAt when
 */
public record CompetitorContract(CompetitorContractId id, CustomerId customerId, String supplier, String product,
        LocalDate endsOn, String note, String createdBy, Instant createdAt) {

    /** @return what the customer has from the competitor */
    public Optional<String> productName() {
        return Optional.ofNullable(product);
    }

    /** @return the note */
    public Optional<String> noteText() {
        return Optional.ofNullable(note);
    }
}
