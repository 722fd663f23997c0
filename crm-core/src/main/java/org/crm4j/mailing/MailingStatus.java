package org.crm4j.mailing;

/** Where a mailing stands: draft → sending → completed, or paused when sending failed. */
public enum MailingStatus {
    /** Being prepared; the only status in which it can be edited. */
    DRAFT,
    /** Being sent (or a sending run stopped without finishing, e.g. in a crash); send resumes it. */
    SENDING,
    /** The mail sender failed; what was sent is recorded, and send resumes with the rest. */
    PAUSED,
    /** Every recipient was sent to or skipped; it is never sent again. */
    COMPLETED
}
