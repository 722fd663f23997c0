package org.crm4j.mailing;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * How far a mailing got.
 *
 * @param id the mailing
 * @param status where it stands
 * @param audience how many recipients were written down so far (sent, skipped or still to send)
 * @param sent how many got the message
 * @param pending how many are still to be sent to (also those a running sender holds)
 * @param failed how many the mail sender failed on, to be tried again
 * @param skipped how many got nothing, per reason (every reason present, zero when none)
 * @param lastError why the last run paused, or null
 */
public record MailingReport(MailingId id, MailingStatus status, long audience, long sent, long pending, long failed,
        Map<SkipReason, Long> skipped, String lastError) {

    /** Copies the map, filling in the reasons without skips; it iterates in the order of {@link SkipReason}. */
    public MailingReport {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Map<SkipReason, Long> all = new EnumMap<>(SkipReason.class);
        for (SkipReason reason : SkipReason.values()) {
            all.put(reason, skipped == null ? 0L : skipped.getOrDefault(reason, 0L));
        }
        skipped = Collections.unmodifiableMap(all);
    }

    /**
     * @param reason a reason
     * @return how many were skipped for it
     */
    public long skipped(SkipReason reason) {
        return skipped.get(reason);
    }

    /** @return how many were skipped in all */
    public long skippedTotal() {
        return skipped.values().stream().mapToLong(Long::longValue).sum();
    }
}
