package org.crm4j.store;

import org.crm4j.notify.Notice;

/**
 * The delivery of a notice through one channel, claimed by one worker until its lease ends.
 *
 * @param id the delivery's id
 * @param channel the channel's id
 * @param attempts how many attempts failed before
 * @param notice the notice
 */
public record ClaimedDelivery(long id, String channel, int attempts, Notice notice) {
}
