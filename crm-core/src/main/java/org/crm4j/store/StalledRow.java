package org.crm4j.store;

import java.time.Instant;
import java.time.LocalDate;
import org.crm4j.common.Money;

/**
 * A stalled deal as a store projects it, with what the core needs to say why it is stalled.
 *
 * @param id the deal
 * @param customerId its customer
 * @param pipelineId its pipeline
 * @param title its title
 * @param ownerId its owner
 * @param stageCode its stage
 * @param amount its amount, or null
 * @param expectedClose its expected close date
 * @param stageSince when it entered its stage
 * @param lastActivityAt when something last happened on it
 */
public record StalledRow(long id, long customerId, long pipelineId, String title, String ownerId, String stageCode,
        Money amount, LocalDate expectedClose, Instant stageSince, Instant lastActivityAt) {
}
