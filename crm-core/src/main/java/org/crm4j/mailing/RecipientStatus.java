package org.crm4j.mailing;

/** Where one recipient of a mailing stands. */
public enum RecipientStatus {
    /** To be sent to. */
    PENDING,
    /** Taken by a sending run, which hands the message to the mail sender next. */
    CLAIMED,
    /** Sent (handed to the mail sender) and recorded. */
    SENT,
    /** The mail sender failed on it; the next run tries again. */
    FAILED,
    /** Not sent to, for a {@link SkipReason}. */
    SKIPPED
}
