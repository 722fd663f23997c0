package org.crm4j.internal.pipeline;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.crm4j.pipeline.DecisionRole;
import org.crm4j.pipeline.Stage;
import org.crm4j.pipeline.StageKind;
import org.crm4j.pipeline.StageRequirement;
import org.crm4j.plugin.PipelineRule;
import org.crm4j.plugin.StageMove;

/** The pipeline rules crm4j ships, configured per stage ({@link StageRequirement}) and per pipeline. */
public final class BuiltInRules {
    private BuiltInRules() {
    }

    /** @return the built-in rules, checked before any custom rule */
    public static List<PipelineRule> all() {
        return List.of(new AmountRequired(), new DecisionMakerRequired(), new OfferSentRequired(), new MaxStagesSkipped());
    }

    /** "An amount is required from this stage on." */
    static final class AmountRequired implements PipelineRule {
        @Override
        public String id() {
            return "amount-required";
        }

        @Override
        public Optional<String> check(StageMove move) {
            if (!move.to().requirements().contains(StageRequirement.AMOUNT)) {
                return Optional.empty();
            }
            var amount = move.opportunity().amount();
            return amount == null || amount.amount().compareTo(BigDecimal.ZERO) <= 0
                    ? Optional.of("stage " + move.to().code() + " needs an amount")
                    : Optional.empty();
        }
    }

    /** "A decision-maker contact is required for this stage." */
    static final class DecisionMakerRequired implements PipelineRule {
        @Override
        public String id() {
            return "decision-maker-required";
        }

        @Override
        public Optional<String> check(StageMove move) {
            if (!move.to().requirements().contains(StageRequirement.DECISION_MAKER)) {
                return Optional.empty();
            }
            boolean present = move.opportunity().participants().stream()
                    .anyMatch(p -> p.role() == DecisionRole.DECISION_MAKER);
            return present ? Optional.empty()
                    : Optional.of("stage " + move.to().code() + " needs a contact person involved as decision maker");
        }
    }

    /** "An offer must have been sent before this stage." */
    static final class OfferSentRequired implements PipelineRule {
        @Override
        public String id() {
            return "offer-sent-required";
        }

        @Override
        public Optional<String> check(StageMove move) {
            return move.to().requirements().contains(StageRequirement.OFFER_SENT) && !move.offerSent()
                    ? Optional.of("stage " + move.to().code() + " needs an offer sent to the customer")
                    : Optional.empty();
        }
    }

    /** "No skipping more than N open stages in one move forward"; a deal may be won or lost from any stage. */
    static final class MaxStagesSkipped implements PipelineRule {
        @Override
        public String id() {
            return "max-stages-skipped";
        }

        @Override
        public Optional<String> check(StageMove move) {
            Integer max = move.pipeline().maxStagesSkipped();
            if (max == null || move.from() == null || move.to().kind() != StageKind.OPEN) {
                return Optional.empty();
            }
            List<Stage> stages = move.pipeline().stages();
            int from = stages.indexOf(move.from());
            int to = stages.indexOf(move.to());
            long skipped = stages.subList(Math.min(from, to) + 1, Math.max(from, to)).stream()
                    .filter(s -> s.kind() == StageKind.OPEN && s.isActive()).count();
            return to > from && skipped > max
                    ? Optional.of("moving from " + move.from().code() + " to " + move.to().code() + " skips " + skipped
                            + " stages; at most " + max + " may be skipped")
                    : Optional.empty();
        }
    }
}
