package org.crm4j.pipeline;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.crm4j.ValidationException;
import org.crm4j.common.Money;
import org.crm4j.customer.ContactId;
import org.crm4j.customer.CustomerId;
import org.crm4j.pipeline.store.OpportunityRecord;

/**
 * What opens a deal; pass it to {@link Opportunities#open}. Without a stage it starts in the
 * pipeline's first open stage; without a probability, with the stage's default.
 *
 * <pre>{@code
 * Opportunity deal = crm.as(sam).opportunities().open(
 *         NewOpportunity.on(acme.id(), "40 units for the Poznan plant", newBusiness.id())
 *                 .amount(Money.of("120000.00", "EUR")).expectedClose(LocalDate.of(2026, 6, 30))
 *                 .participant(eva.id(), DecisionRole.DECISION_MAKER).competitor("Globex"));
 * }</pre>
 */
public final class NewOpportunity {
    private final CustomerId customerId;
    private final String title;
    private final PipelineId pipelineId;
    private String stageCode;
    private Money amount;
    private Integer probability;
    private String probabilityReason;
    private LocalDate expectedClose;
    private String source;
    private String ownerId;
    private final Set<String> competitors = new LinkedHashSet<>();
    private final List<Participant> participants = new ArrayList<>();

    private NewOpportunity(CustomerId customerId, String title, PipelineId pipelineId) {
        this.customerId = ValidationException.requireNonNull(customerId, "customerId");
        this.title = title == null ? null : title.strip();
        this.pipelineId = ValidationException.requireNonNull(pipelineId, "pipelineId");
    }

    /**
     * @param customer the customer
     * @param title what the deal is about
     * @param pipeline the pipeline it moves through
     * @return a new deal
     */
    public static NewOpportunity on(CustomerId customer, String title, PipelineId pipeline) {
        return new NewOpportunity(customer, title, pipeline);
    }

    /**
     * @param stage the code of the open stage to start in
     * @return this
     */
    public NewOpportunity stage(String stage) {
        this.stageCode = ValidationException.requireNonNull(stage, "stage");
        return this;
    }

    /**
     * @param expected the expected amount, in the pipeline's currency
     * @return this
     */
    public NewOpportunity amount(Money expected) {
        this.amount = expected;
        return this;
    }

    /**
     * @param percent 0 to 100
     * @param reason why it differs from the stage's default
     * @return this
     */
    public NewOpportunity probability(int percent, String reason) {
        this.probability = percent;
        this.probabilityReason = reason;
        return this;
    }

    /**
     * @param date when it is expected to close (required)
     * @return this
     */
    public NewOpportunity expectedClose(LocalDate date) {
        this.expectedClose = date;
        return this;
    }

    /**
     * @param origin where the deal came from, e.g. {@code campaign:12}
     * @return this
     */
    public NewOpportunity source(String origin) {
        this.source = origin == null || origin.isBlank() ? null : origin.strip();
        return this;
    }

    /**
     * @param userId the responsible salesperson; by default the actor
     * @return this
     */
    public NewOpportunity owner(String userId) {
        this.ownerId = userId;
        return this;
    }

    /**
     * @param competitor a competitor bidding too
     * @return this
     */
    public NewOpportunity competitor(String competitor) {
        competitors.add(competitor == null ? "" : competitor.strip());
        return this;
    }

    /**
     * @param contact a contact person of the customer
     * @param role their part in the decision
     * @return this
     */
    public NewOpportunity participant(ContactId contact, DecisionRole role) {
        participants.add(new Participant(contact, role));
        return this;
    }

    /** @return the pipeline the deal moves through; used by the runtime */
    public PipelineId pipelineId() {
        return pipelineId;
    }

    /** @return the explicit probability, or null for the stage's default; used by the runtime */
    public Integer probability() {
        return probability;
    }

    /** @return the explicit stage, or null for the first open stage; used by the runtime */
    public String stageCode() {
        return stageCode;
    }

    /**
     * The state of the deal to open. Used by the runtime.
     *
     * @param defaultOwner the owner when none was given
     * @param stage the stage it starts in
     * @param defaultProbability the stage's default probability
     * @param now when
     * @return the state, with id 0
     */
    public OpportunityRecord toRecord(String defaultOwner, String stage, int defaultProbability, Instant now) {
        return new OpportunityRecord(0, 0, customerId.value(), ownerId == null ? defaultOwner : ownerId,
                pipelineId.value(), stage, OpportunityStatus.OPEN, title, amount,
                probability == null ? defaultProbability : probability, probability == null ? null
                        : probabilityReason == null || probabilityReason.isBlank() ? null : probabilityReason.strip(),
                expectedClose, source, competitors, participants, null, null, null, null, now, now, now);
    }
}
