package org.crm4j.mailing;

/** Told after each batch of a sending run, e.g. to show a progress bar. */
@FunctionalInterface
public interface MailingProgress {

    /** Tells nothing. */
    MailingProgress NONE = soFar -> { };

    /**
     * Called on the sending thread after each batch is committed; a failure here stops the run
     * (what was committed stays).
     *
     * @param soFar the mailing's state after the batch
     */
    void batchDone(MailingReport soFar);
}
