package org.crm4j.store;

import org.crm4j.mailing.RecipientStatus;
import org.crm4j.mailing.SkipReason;

/**
 * How many recipients of a mailing are in one status (and, for skipped ones, for one reason).
 *
 * @param status the status
 * @param reason the skip reason, or null for statuses other than skipped
 * @param count how many
 */
public record RecipientCount(RecipientStatus status, SkipReason reason, long count) {
}
