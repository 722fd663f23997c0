package org.crm4j.internal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.crm4j.common.Money;
import org.crm4j.customer.ContactId;
import org.crm4j.pipeline.DecisionRole;
import org.crm4j.pipeline.NewPipeline;
import org.crm4j.pipeline.store.OpportunityRecord;
import org.crm4j.pipeline.OpportunityStatus;
import org.crm4j.pipeline.Participant;
import org.crm4j.pipeline.Pipeline;
import org.crm4j.pipeline.Stage;
import org.crm4j.pipeline.StageRequirement;
import org.crm4j.plugin.PipelineRule;
import org.crm4j.plugin.StageMove;
import org.junit.jupiter.api.Test;

/** The built-in pipeline rules, one move at a time. */
class BuiltInRulesTest {
    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final Pipeline PIPELINE = NewPipeline.named("Sales", "EUR")
            .stage(Stage.open("A", "A", 10))
            .stage(Stage.open("B", "B", 20))
            .stage(Stage.open("C", "C", 30, StageRequirement.AMOUNT))
            .stage(Stage.open("D", "D", 40, StageRequirement.DECISION_MAKER))
            .stage(new Stage("E", "E retired", org.crm4j.pipeline.StageKind.OPEN, 50, Set.of(), true))
            .stage(Stage.open("F", "F", 60))
            .stage(Stage.open("G", "G", 70, StageRequirement.OFFER_SENT))
            .stage(Stage.won("WON", "Won"))
            .stage(Stage.lost("LOST", "Lost"))
            .maxStagesSkipped(1)
            .toPipeline(NOW);

    private static OpportunityRecord deal(Money amount, List<Participant> participants) {
        return new OpportunityRecord(1, 0, 1, "sam", 1, "A", OpportunityStatus.OPEN, "Deal", amount, 10, null,
                LocalDate.of(2026, 6, 30), null, Set.of(), participants, null, null, null, null, NOW, NOW, NOW);
    }

    private static StageMove move(String from, String to, OpportunityRecord deal) {
        return move(from, to, deal, false);
    }

    private static StageMove move(String from, String to, OpportunityRecord deal, boolean offerSent) {
        return new StageMove(PIPELINE, from == null ? null : PIPELINE.stage(from).orElseThrow(),
                PIPELINE.stage(to).orElseThrow(), deal, "sam", offerSent);
    }

    private final PipelineRule amount = new BuiltInRules.AmountRequired();
    private final PipelineRule decisionMaker = new BuiltInRules.DecisionMakerRequired();
    private final PipelineRule skips = new BuiltInRules.MaxStagesSkipped();
    private final PipelineRule offerSent = new BuiltInRules.OfferSentRequired();

    @Test
    void amountRequired_onlyWhereTheStageSaysSo() {
        assertThat(amount.check(move("A", "B", deal(null, List.of())))).isEmpty();
        assertThat(amount.check(move("B", "C", deal(null, List.of())))).hasValueSatisfying(
                m -> assertThat(m).contains("C").contains("amount"));
        assertThat(amount.check(move("B", "C", deal(Money.of("0", "EUR"), List.of())))).isPresent();
        assertThat(amount.check(move("B", "C", deal(Money.of("0.01", "EUR"), List.of())))).isEmpty();
    }

    @Test
    void decisionMakerRequired_looksForTheRoleNotJustAContact() {
        var user = List.of(new Participant(ContactId.of(1), DecisionRole.USER));
        var boss = List.of(new Participant(ContactId.of(1), DecisionRole.USER),
                new Participant(ContactId.of(2), DecisionRole.DECISION_MAKER));
        assertThat(decisionMaker.check(move("C", "D", deal(null, user)))).isPresent();
        assertThat(decisionMaker.check(move("C", "D", deal(null, boss)))).isEmpty();
        assertThat(decisionMaker.check(move("A", "B", deal(null, List.of())))).isEmpty();
    }

    @Test
    void maxStagesSkipped_countsActiveOpenStagesBetweenAndOnlyForward() {
        OpportunityRecord d = deal(null, List.of());
        assertThat(skips.check(move("A", "B", d))).isEmpty();
        assertThat(skips.check(move("A", "C", d))).isEmpty();
        assertThat(skips.check(move("A", "D", d))).hasValueSatisfying(m -> assertThat(m).contains("skips 2"));
        // E is retired and does not count as skipped
        assertThat(skips.check(move("D", "F", d))).isEmpty();
        // going back and closing are never limited
        assertThat(skips.check(move("F", "A", d))).isEmpty();
        assertThat(skips.check(move("A", "WON", d))).isEmpty();
        assertThat(skips.check(move("A", "LOST", d))).isEmpty();
        // opening is no move from a stage
        assertThat(skips.check(move(null, "F", d))).isEmpty();
    }

    @Test
    void offerSentRequired_onlyWhereTheStageSaysSoAndOnlyOnceAnOfferWentOut() {
        OpportunityRecord d = deal(null, List.of());
        assertThat(offerSent.check(move("F", "G", d, false))).hasValueSatisfying(
                m -> assertThat(m).contains("G").contains("offer sent"));
        assertThat(offerSent.check(move("F", "G", d, true))).isEmpty();
        assertThat(offerSent.check(move("A", "B", d, false))).isEmpty();
    }

    @Test
    void allBuiltInRulesHaveDistinctIds() {
        assertThat(BuiltInRules.all()).extracting(PipelineRule::id).doesNotHaveDuplicates().hasSize(4);
    }
}
