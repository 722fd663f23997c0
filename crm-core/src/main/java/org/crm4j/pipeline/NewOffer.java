package org.crm4j.pipeline;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.crm4j.ValidationException;

/**
 * What drafts an offer for a deal; pass it to {@link Offers#draft}. The offer is priced in the
 * deal's pipeline currency and gets the next version number of the deal's offers.
 *
 * <pre>{@code
 * Offer offer = crm.as(sam).offers().draft(deal.id(), NewOffer.validUntil(LocalDate.of(2026, 4, 30))
 *         .line(OfferLine.of("CNC-40", "CNC unit", new BigDecimal("40"), Money.of("2900.00", "EUR"),
 *                 new BigDecimal("19")))
 *         .terms("Payment within 30 days."));
 * }</pre>
 */
public final class NewOffer {
    private final LocalDate validUntil;
    private final List<OfferLine> lines = new ArrayList<>();
    private String terms;

    private NewOffer(LocalDate validUntil) {
        this.validUntil = ValidationException.requireNonNull(validUntil, "validUntil");
    }

    /**
     * @param lastDay the last day the customer may accept the offer
     * @return a new offer without lines
     */
    public static NewOffer validUntil(LocalDate lastDay) {
        return new NewOffer(lastDay);
    }

    /**
     * @param line a line, added after the others
     * @return this
     */
    public NewOffer line(OfferLine line) {
        lines.add(ValidationException.requireNonNull(line, "line"));
        return this;
    }

    /**
     * @param text payment and delivery terms printed on the document
     * @return this
     */
    public NewOffer terms(String text) {
        this.terms = text;
        return this;
    }

    /** @return the last day it may be accepted */
    public LocalDate validUntil() {
        return validUntil;
    }

    /** @return the lines so far */
    public List<OfferLine> lines() {
        return List.copyOf(lines);
    }

    /** @return the terms, or null */
    public String terms() {
        return terms == null || terms.isBlank() ? null : terms.strip();
    }
}
