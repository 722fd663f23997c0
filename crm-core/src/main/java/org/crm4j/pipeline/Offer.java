package org.crm4j.pipeline;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.crm4j.ValidationException;
import org.crm4j.customer.CustomerId;
import org.crm4j.pipeline.store.OfferRecord;

/**
 * An offer (quote) made for a deal (R6, R13): numbered versions per deal, lines priced in the
 * deal's pipeline currency, totals with taxes, and a life cycle draft → sent → accepted,
 * rejected or expired. Only a draft is edited; to change a sent offer, {@link Offers#revise}
 * it into the next version. An accepted offer is turned into a sales order with
 * {@link Offers#placeOrder}.
 *
 * <p>Change it with its methods and write the change with {@link Offers#save}, which checks
 * the dates against the clock, records the decision and raises the events. Instances are not
 * thread-safe.
 */
public final class Offer {
    /** How many lines an offer may have. */
    public static final int MAX_LINES = 500;

    private final OfferId id;
    private final long version;
    private final OpportunityId opportunityId;
    private final CustomerId customerId;
    private final int number;
    @NotNull
    private OfferStatus status;
    private final Currency currency;
    @Size(max = MAX_LINES)
    private final List<OfferLine> lines;
    @NotNull
    private LocalDate validUntil;
    @Size(max = 4000)
    private String terms;
    private final String createdBy;
    private final Instant createdAt;
    private final Instant sentAt;
    private final Instant decidedAt;
    @Size(max = 2000)
    private String decisionNote;
    private final Instant updatedAt;

    private Offer(OfferRecord r) {
        this.id = r.id() == 0 ? null : OfferId.of(r.id());
        this.version = r.version();
        this.opportunityId = OpportunityId.of(r.opportunityId());
        this.customerId = CustomerId.of(r.customerId());
        this.number = r.number();
        this.status = r.status();
        this.currency = r.currency();
        this.lines = new ArrayList<>(r.lines());
        this.validUntil = r.validUntil();
        this.terms = r.terms();
        this.createdBy = r.createdBy();
        this.createdAt = r.createdAt();
        this.sentAt = r.sentAt();
        this.decidedAt = r.decidedAt();
        this.decisionNote = r.decisionNote();
        this.updatedAt = r.updatedAt();
    }

    /**
     * Rebuilds an offer from its stored state. Used by the runtime and by store adapters.
     *
     * @param state the stored state
     * @return the offer
     */
    public static Offer fromRecord(OfferRecord state) {
        return new Offer(ValidationException.requireNonNull(state, "state"));
    }

    /** @return the state to store, with the version it was read at */
    public OfferRecord toRecord() {
        return new OfferRecord(id == null ? 0 : id.value(), version, opportunityId.value(), customerId.value(), number,
                status, currency, lines, validUntil, terms, createdBy, createdAt, sentAt, decidedAt, decisionNote,
                updatedAt);
    }

    /**
     * @param line a line, added after the others
     * @return this offer
     * @throws ValidationException when the offer is no draft
     */
    public Offer addLine(OfferLine line) {
        requireDraft();
        lines.add(ValidationException.requireNonNull(line, "line"));
        return this;
    }

    /**
     * @param index the position of a line, from 0
     * @param line what replaces it
     * @return this offer
     */
    public Offer replaceLine(int index, OfferLine line) {
        requireDraft();
        lines.set(checkIndex(index), ValidationException.requireNonNull(line, "line"));
        return this;
    }

    /**
     * @param index the position of a line, from 0
     * @return this offer
     */
    public Offer removeLine(int index) {
        requireDraft();
        lines.remove(checkIndex(index));
        return this;
    }

    /**
     * @param lastDay the last day the customer may accept it
     * @return this offer
     */
    public Offer validUntil(LocalDate lastDay) {
        requireDraft();
        this.validUntil = ValidationException.requireNonNull(lastDay, "validUntil");
        return this;
    }

    /**
     * @param text payment and delivery terms, or null for none
     * @return this offer
     */
    public Offer terms(String text) {
        requireDraft();
        this.terms = text == null || text.isBlank() ? null : text.strip();
        return this;
    }

    /**
     * Sends the draft to the customer; saving checks that it has lines and is still valid.
     *
     * @return this offer
     */
    public Offer send() {
        requireDraft();
        this.status = OfferStatus.SENT;
        return this;
    }

    /**
     * Records that the customer accepted the sent offer; saving checks that it is still valid
     * and that no other offer of the deal was accepted.
     *
     * @param note a note on the acceptance (e.g. the customer's order reference), may be null
     * @return this offer
     */
    public Offer accept(String note) {
        requireStatus(OfferStatus.SENT, "accepted");
        this.status = OfferStatus.ACCEPTED;
        this.decisionNote = note == null || note.isBlank() ? null : note.strip();
        return this;
    }

    /**
     * Records that the customer declined the sent offer (R32: the reason is kept).
     *
     * @param reason why
     * @return this offer
     */
    public Offer reject(String reason) {
        requireStatus(OfferStatus.SENT, "rejected");
        if (reason == null || reason.isBlank()) {
            throw new ValidationException("decisionNote", "NotBlank", "say why the customer declined the offer");
        }
        this.status = OfferStatus.REJECTED;
        this.decisionNote = reason.strip();
        return this;
    }

    /**
     * Records that the sent offer was not decided in time; saving checks that its last valid day
     * has passed.
     *
     * @return this offer
     */
    public Offer expire() {
        requireStatus(OfferStatus.SENT, "expired");
        this.status = OfferStatus.EXPIRED;
        return this;
    }

    private int checkIndex(int index) {
        if (index < 0 || index >= lines.size()) {
            throw new ValidationException("lines", "Index", "offer " + id + " has no line " + index + " (it has "
                    + lines.size() + ")");
        }
        return index;
    }

    private void requireDraft() {
        if (status != OfferStatus.DRAFT) {
            throw new ValidationException("status", "Draft", "offer " + id + " is " + name(status)
                    + "; only a draft is changed (revise it into a new version instead)");
        }
    }

    private void requireStatus(OfferStatus expected, String what) {
        if (status != expected) {
            throw new ValidationException("status", "Sent", "offer " + id + " is " + name(status) + "; only a "
                    + name(expected) + " offer can be " + what);
        }
    }

    private static String name(OfferStatus s) {
        return s.name().toLowerCase(Locale.ROOT);
    }

    /** @return the totals of the lines as they are now */
    public OfferTotals totals() {
        return OfferTotals.of(lines, currency);
    }

    /** @return the id, null before it was drafted */
    public OfferId id() {
        return id;
    }

    /** @return the version it was read at */
    public long version() {
        return version;
    }

    /** @return the deal */
    public OpportunityId opportunityId() {
        return opportunityId;
    }

    /** @return the deal's customer */
    public CustomerId customerId() {
        return customerId;
    }

    /** @return its version number within the deal, from 1 */
    public int number() {
        return number;
    }

    /** @return where it stands */
    public OfferStatus status() {
        return status;
    }

    /** @return the currency every line is priced in */
    public Currency currency() {
        return currency;
    }

    /** @return the lines, in order */
    public List<OfferLine> lines() {
        return Collections.unmodifiableList(lines);
    }

    /** @return the last day it may be accepted */
    public LocalDate validUntil() {
        return validUntil;
    }

    /** @return the payment and delivery terms */
    public Optional<String> terms() {
        return Optional.ofNullable(terms);
    }

    /** @return who drafted it */
    public String createdBy() {
        return createdBy;
    }

    /** @return when it was drafted */
    public Instant createdAt() {
        return createdAt;
    }

    /** @return when it was sent */
    public Optional<Instant> sentAt() {
        return Optional.ofNullable(sentAt);
    }

    /** @return when it was accepted, rejected or expired */
    public Optional<Instant> decidedAt() {
        return Optional.ofNullable(decidedAt);
    }

    /** @return why it was rejected, or the note on its acceptance */
    public Optional<String> decisionNote() {
        return Optional.ofNullable(decisionNote);
    }

    /** @return when it last changed */
    public Instant updatedAt() {
        return updatedAt;
    }

    @Override
    public String toString() {
        return "Offer[" + id + ", deal " + opportunityId + " #" + number + ", " + status + ", v" + version + "]";
    }
}
