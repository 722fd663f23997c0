package org.crm4j.lead;

import java.time.LocalDate;
import org.crm4j.ValidationException;
import org.crm4j.common.Money;
import org.crm4j.pipeline.PipelineId;

/**
 * What a qualified lead becomes; pass it to {@link Leads#convert}. The deal is owned by the lead's
 * owner and starts in the pipeline's first open stage unless a stage is given.
 *
 * <pre>{@code
 * Lead converted = crm.as(sam).leads().convert(lead.id(),
 *         Conversion.into(newBusiness.id(), "CRM for Initech").amount(Money.of("24000.00", "EUR"))
 *                 .expectedClose(LocalDate.of(2026, 6, 30)));
 * }</pre>
 *
 * @param pipelineId the pipeline the deal moves through
 * @param title what the deal is about
 * @param amount the expected amount in the pipeline's currency, or null while unknown
 * @param expectedClose when it is expected to close
 * @param stageCode the open stage to start in, or null for the first
 */
public record Conversion(PipelineId pipelineId, String title, Money amount, LocalDate expectedClose,
        String stageCode) {

    /** @throws ValidationException when the pipeline is missing */
    public Conversion {
        ValidationException.requireNonNull(pipelineId, "pipelineId");
        title = title == null ? null : title.strip();
        stageCode = stageCode == null || stageCode.isBlank() ? null : stageCode.strip();
    }

    /**
     * @param pipeline the pipeline the deal moves through
     * @param title what the deal is about
     * @return a conversion with no amount, close date or stage yet
     */
    public static Conversion into(PipelineId pipeline, String title) {
        return new Conversion(pipeline, title, null, null, null);
    }

    /**
     * @param expected the expected amount
     * @return a copy with it
     */
    public Conversion amount(Money expected) {
        return new Conversion(pipelineId, title, expected, expectedClose, stageCode);
    }

    /**
     * @param date when the deal is expected to close
     * @return a copy with it
     */
    public Conversion expectedClose(LocalDate date) {
        return new Conversion(pipelineId, title, amount, date, stageCode);
    }

    /**
     * @param code the open stage to start in
     * @return a copy with it
     */
    public Conversion stage(String code) {
        return new Conversion(pipelineId, title, amount, expectedClose, code);
    }
}
