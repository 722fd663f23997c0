package org.crm4j.pipeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.crm4j.ValidationException;

/**
 * What defines a pipeline; pass it to {@link Pipelines#define}.
 *
 * <pre>{@code
 * Pipeline newBusiness = crm.as(admin).pipelines().define(NewPipeline.named("New business", "EUR")
 *         .stage(Stage.open("QUALIFY", "Qualify", 10))
 *         .stage(Stage.open("PROPOSAL", "Proposal", 50, StageRequirement.AMOUNT))
 *         .stage(Stage.won("WON", "Won", StageRequirement.DECISION_MAKER))
 *         .stage(Stage.lost("LOST", "Lost"))
 *         .maxStagesSkipped(1));
 * }</pre>
 */
public final class NewPipeline {
    /** The reasons a deal can be won for, unless the pipeline names its own. */
    public static final Set<String> DEFAULT_WON_REASONS = Set.of("PRICE", "PRODUCT_FIT", "RELATIONSHIP", "SERVICE",
            "OTHER");
    /** The reasons a deal can be lost for, unless the pipeline names its own. */
    public static final Set<String> DEFAULT_LOST_REASONS = Set.of("PRICE", "PRODUCT_FIT", "COMPETITOR",
            "NO_DECISION", "TIMING", "OTHER");

    private final String name;
    private final String currencyCode;
    private final List<Stage> stages = new ArrayList<>();
    private Integer maxStagesSkipped;
    private Set<String> wonReasons = DEFAULT_WON_REASONS;
    private Set<String> lostReasons = DEFAULT_LOST_REASONS;

    private NewPipeline(String name, String currencyCode) {
        this.name = name;
        this.currencyCode = currencyCode;
    }

    /**
     * @param name the pipeline's name
     * @param currencyCode the ISO 4217 currency of its deals
     * @return a new pipeline
     */
    public static NewPipeline named(String name, String currencyCode) {
        return new NewPipeline(name, currencyCode);
    }

    /**
     * @param stage the next stage, after those added before
     * @return this
     */
    public NewPipeline stage(Stage stage) {
        stages.add(ValidationException.requireNonNull(stage, "stage"));
        return this;
    }

    /**
     * @param max how many open stages a deal may skip in one move (0: none)
     * @return this
     */
    public NewPipeline maxStagesSkipped(int max) {
        this.maxStagesSkipped = max;
        return this;
    }

    /**
     * @param reasons the reasons a deal may be won for
     * @return this
     */
    public NewPipeline wonReasons(String... reasons) {
        this.wonReasons = new LinkedHashSet<>(Arrays.asList(ValidationException.requireNonNull(reasons, "wonReasons")));
        return this;
    }

    /**
     * @param reasons the reasons a deal may be lost for
     * @return this
     */
    public NewPipeline lostReasons(String... reasons) {
        this.lostReasons = new LinkedHashSet<>(Arrays.asList(ValidationException.requireNonNull(reasons, "lostReasons")));
        return this;
    }

    /**
     * The pipeline to be defined. Used by the runtime.
     *
     * @param now when
     * @return the pipeline, without id
     * @throws ValidationException listing every broken rule
     */
    public Pipeline toPipeline(Instant now) {
        Currency currency;
        try {
            currency = Currency.getInstance(ValidationException.requireNonNull(currencyCode, "pipeline.currency"));
        } catch (IllegalArgumentException e) {
            throw new ValidationException("pipeline.currency", "Format", "'" + currencyCode + "' is not an ISO 4217 currency code");
        }
        return new Pipeline(null, 0, name, currency, stages, maxStagesSkipped, wonReasons, lostReasons, now, now);
    }
}
