package org.crm4j.lead;

/**
 * Why a prospect looks like a record that exists already, with the weight the reason gives a
 * {@link DuplicateMatch#score() score}. Both sides are normalised the same way before they are
 * compared.
 */
public enum MatchReason {
    /** The same tax id, normalised by {@link org.crm4j.common.TaxIds}. */
    TAX_ID(100),
    /** The same e-mail, compared in lower case: the prospect's, a customer's contact's or a lead's. */
    EMAIL(90),
    /** The same phone number in E.164 form: the prospect's, a customer's contact's or a lead's. */
    PHONE(80),
    /**
     * The same name key ({@link org.crm4j.common.NameKeys}) of the prospect's company and the
     * customer's name or the lead's company (or person, when a lead names no company).
     */
    NAME(60),
    /**
     * The same name key of the prospect's person, when it names no company: people share names
     * more often than companies, so this alone is below {@link DuplicateMatch#MIN_SCORE}.
     */
    PERSON_NAME(40);

    private final int weight;

    MatchReason(int weight) {
        this.weight = weight;
    }

    /** @return the score this reason alone gives, 0 to 100 */
    public int weight() {
        return weight;
    }
}
