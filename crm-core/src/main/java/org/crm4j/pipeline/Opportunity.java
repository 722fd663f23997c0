package org.crm4j.pipeline;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.crm4j.ValidationException;
import org.crm4j.common.Money;
import org.crm4j.customer.ContactId;
import org.crm4j.customer.CustomerId;
import org.crm4j.pipeline.store.OpportunityRecord;

/**
 * A deal (R10): any topic opened with a customer, from the first low-probability idea to the
 * decision. It sits in a stage of a pipeline, has an amount in the pipeline's currency, a
 * probability (the stage's default unless overridden with a reason), an expected close date,
 * the competitors and the customer's contact persons involved.
 *
 * <p>Change it with its methods ({@link #advanceTo}, {@link #win}, {@link #lose},
 * {@link #reopen} ...) and write the change with {@link Opportunities#save}, which checks the
 * pipeline's rules, records the stage history and raises the events. A closed deal is not
 * edited; it is reopened. Instances are not thread-safe.
 */
public final class Opportunity {
    private final OpportunityId id;
    private final long version;
    private final CustomerId customerId;
    @NotBlank
    @Size(max = 100)
    private String ownerId;
    private final PipelineId pipelineId;
    @NotNull
    private String stageCode;
    @NotNull
    private OpportunityStatus status;
    @NotBlank
    @Size(max = 200)
    private String title;
    private Money amount;
    private int probability;
    @Size(max = 200)
    private String probabilityReason;
    @NotNull
    private LocalDate expectedClose;
    @Size(max = 100)
    private final String source;
    @Size(max = 20)
    private final Set<@NotBlank @Size(max = 100) String> competitors;
    @Size(max = 50)
    private final List<@NotNull Participant> participants;
    @Size(max = 50)
    private String closeReason;
    @Size(max = 2000)
    private String closeNote;
    @Size(max = 100)
    private String lostTo;
    private Money priceGap;
    private final Instant stageSince;
    private final Instant createdAt;
    private final Instant updatedAt;
    private String reopenReason;

    private Opportunity(OpportunityRecord r) {
        this.id = r.id() == 0 ? null : OpportunityId.of(r.id());
        this.version = r.version();
        this.customerId = CustomerId.of(r.customerId());
        this.ownerId = r.ownerId();
        this.pipelineId = PipelineId.of(r.pipelineId());
        this.stageCode = r.stageCode();
        this.status = r.status();
        this.title = r.title();
        this.amount = r.amount();
        this.probability = r.probability();
        this.probabilityReason = r.probabilityReason();
        this.expectedClose = r.expectedClose();
        this.source = r.source();
        this.competitors = new LinkedHashSet<>(r.competitors());
        this.participants = new ArrayList<>(r.participants());
        this.closeReason = r.closeReason();
        this.closeNote = r.closeNote();
        this.lostTo = r.lostTo();
        this.priceGap = r.priceGap();
        this.stageSince = r.stageSince();
        this.createdAt = r.createdAt();
        this.updatedAt = r.updatedAt();
    }

    /**
     * Rebuilds an opportunity from its stored state. Used by the runtime and by store adapters.
     *
     * @param state the stored state
     * @return the opportunity
     */
    public static Opportunity fromRecord(OpportunityRecord state) {
        return new Opportunity(ValidationException.requireNonNull(state, "state"));
    }

    /** @return the state to store, with the version it was read at */
    public OpportunityRecord toRecord() {
        return new OpportunityRecord(id == null ? 0 : id.value(), version, customerId.value(), ownerId,
                pipelineId.value(), stageCode, status, title, amount, probability, probabilityReason, expectedClose,
                source, competitors, participants, closeReason, closeNote, lostTo, priceGap, stageSince, createdAt,
                updatedAt);
    }

    /**
     * Moves the deal to another open stage of its pipeline; saving checks the pipeline's rules
     * and gives the deal the stage's default probability unless it is overridden in the same
     * change.
     *
     * @param stage the code of an open, active stage of the pipeline
     * @return this deal
     * @throws ValidationException when the deal is closed
     */
    public Opportunity advanceTo(String stage) {
        requireOpen("moved");
        this.stageCode = ValidationException.requireNonNull(stage, "stage").strip().toUpperCase(Locale.ROOT);
        return this;
    }

    /**
     * Wins the deal: it moves to the pipeline's won stage.
     *
     * @param reason one of the pipeline's won reasons
     * @param note free text about why, may be null
     * @return this deal
     */
    public Opportunity win(String reason, String note) {
        requireOpen("won");
        this.status = OpportunityStatus.WON;
        this.closeReason = reason == null ? null : reason.strip();
        this.closeNote = blankToNull(note);
        return this;
    }

    /**
     * Loses the deal: it moves to the pipeline's lost stage (R5: lost bids are kept).
     *
     * @param reason one of the pipeline's lost reasons
     * @param note free text about why, may be null
     * @param competitor who won instead, may be null
     * @param gap how much cheaper the winner was, in the pipeline's currency, may be null
     * @return this deal
     */
    public Opportunity lose(String reason, String note, String competitor, Money gap) {
        requireOpen("lost");
        this.status = OpportunityStatus.LOST;
        this.closeReason = reason == null ? null : reason.strip();
        this.closeNote = blankToNull(note);
        this.lostTo = blankToNull(competitor);
        this.priceGap = gap;
        return this;
    }

    /**
     * Reopens a won or lost deal in an open stage; the decision it had is recorded in the
     * history and cleared.
     *
     * @param stage the code of an open, active stage
     * @param why why it is reopened
     * @return this deal
     */
    public Opportunity reopen(String stage, String why) {
        if (status == OpportunityStatus.OPEN) {
            throw new ValidationException("status", "Closed", "opportunity " + id + " is open; only closed deals are reopened");
        }
        if (why == null || why.isBlank()) {
            throw new ValidationException("reopenReason", "NotBlank", "say why the deal is reopened");
        }
        this.status = OpportunityStatus.OPEN;
        this.stageCode = ValidationException.requireNonNull(stage, "stage").strip().toUpperCase(Locale.ROOT);
        this.closeReason = null;
        this.closeNote = null;
        this.lostTo = null;
        this.priceGap = null;
        this.reopenReason = why.strip();
        return this;
    }

    /**
     * @param newTitle what the deal is about
     * @return this deal
     */
    public Opportunity rename(String newTitle) {
        this.title = newTitle == null ? null : newTitle.strip();
        return this;
    }

    /**
     * @param newAmount the expected amount in the pipeline's currency, or null while unknown
     * @return this deal
     */
    public Opportunity changeAmount(Money newAmount) {
        this.amount = newAmount;
        return this;
    }

    /**
     * @param percent 0 to 100
     * @param reason why it differs from the stage's default (recorded)
     * @return this deal
     */
    public Opportunity overrideProbability(int percent, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new ValidationException("probabilityReason", "NotBlank", "an overridden probability needs a reason");
        }
        this.probability = percent;
        this.probabilityReason = reason.strip();
        return this;
    }

    /**
     * @param date when the deal is expected to close
     * @return this deal
     */
    public Opportunity expectCloseOn(LocalDate date) {
        this.expectedClose = date;
        return this;
    }

    /**
     * @param competitor a competitor bidding too
     * @return this deal
     */
    public Opportunity addCompetitor(String competitor) {
        competitors.add(competitor == null ? "" : competitor.strip());
        return this;
    }

    /**
     * @param contact a contact person of the customer
     * @param role their part in the decision; replaces an earlier one
     * @return this deal
     */
    public Opportunity involve(ContactId contact, DecisionRole role) {
        Participant participant = new Participant(contact, role);
        participants.removeIf(p -> p.contactId().equals(contact));
        participants.add(participant);
        return this;
    }

    /**
     * @param userId the new responsible salesperson
     * @return this deal
     */
    public Opportunity assignOwner(String userId) {
        this.ownerId = userId == null ? null : userId.strip();
        return this;
    }

    private void requireOpen(String what) {
        if (status != OpportunityStatus.OPEN) {
            throw new ValidationException("status", "Open",
                    "opportunity " + id + " is " + status.name().toLowerCase(Locale.ROOT) + "; a closed deal cannot be "
                            + what + " (reopen it first)");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** @return the id, null before it was opened */
    public OpportunityId id() {
        return id;
    }

    /** @return the version it was read at */
    public long version() {
        return version;
    }

    /** @return the customer */
    public CustomerId customerId() {
        return customerId;
    }

    /** @return the responsible salesperson */
    public String ownerId() {
        return ownerId;
    }

    /** @return the pipeline */
    public PipelineId pipelineId() {
        return pipelineId;
    }

    /** @return the current stage's code */
    public String stageCode() {
        return stageCode;
    }

    /** @return open, won or lost */
    public OpportunityStatus status() {
        return status;
    }

    /** @return what the deal is about */
    public String title() {
        return title;
    }

    /** @return the expected amount */
    public Optional<Money> amount() {
        return Optional.ofNullable(amount);
    }

    /** @return 0 to 100 */
    public int probability() {
        return probability;
    }

    /** @return why the probability differs from the stage's default */
    public Optional<String> probabilityReason() {
        return Optional.ofNullable(probabilityReason);
    }

    /** @return when it is expected to close */
    public LocalDate expectedClose() {
        return expectedClose;
    }

    /** @return where it came from, e.g. {@code campaign:12} */
    public Optional<String> source() {
        return Optional.ofNullable(source);
    }

    /** @return the competitors involved */
    public Set<String> competitors() {
        return Collections.unmodifiableSet(competitors);
    }

    /** @return the contact persons involved */
    public List<Participant> participants() {
        return Collections.unmodifiableList(participants);
    }

    /** @return why it was won or lost */
    public Optional<String> closeReason() {
        return Optional.ofNullable(closeReason);
    }

    /** @return free text about the decision */
    public Optional<String> closeNote() {
        return Optional.ofNullable(closeNote);
    }

    /** @return the competitor who won */
    public Optional<String> lostTo() {
        return Optional.ofNullable(lostTo);
    }

    /** @return how much cheaper the winner was */
    public Optional<Money> priceGap() {
        return Optional.ofNullable(priceGap);
    }

    /** @return when it entered the current stage */
    public Instant stageSince() {
        return stageSince;
    }

    /**
     * @param now the current time
     * @return how long it has been in the current stage
     */
    public Duration timeInStage(Instant now) {
        return Duration.between(stageSince, now);
    }

    /**
     * @param now the current time
     * @return how long ago it was opened
     */
    public Duration age(Instant now) {
        return Duration.between(createdAt, now);
    }

    /** @return when it was opened */
    public Instant createdAt() {
        return createdAt;
    }

    /** @return when it last changed */
    public Instant updatedAt() {
        return updatedAt;
    }

    /** @return why it is being reopened, in the change not yet saved; used by the runtime */
    public Optional<String> pendingReopenReason() {
        return Optional.ofNullable(reopenReason);
    }

    @Override
    public String toString() {
        return "Opportunity[" + id + ", " + title + ", " + stageCode + ", v" + version + "]";
    }
}
