package org.crm4j.lead;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import org.crm4j.ValidationException;

/**
 * A record that a prospect looks like: an existing customer or an open lead, with a score and the
 * reasons. See {@link Leads#possibleDuplicates}.
 *
 * <p><b>Score.</b> Each reason has a weight ({@link MatchReason#weight()}: tax id 100, e-mail 90,
 * phone 80, company name 60, person name 40); the score is the highest weight of the reasons plus
 * {@value #BONUS} for each further reason, at most 100. Matches below {@value #MIN_SCORE} are not
 * reported, so a person's name alone never is.
 *
 * <p><b>Need-to-know (R28).</b> A match shows only what the asking actor may see of the record:
 * for a customer, the basic fields every actor may see in a search (name, tax id, city, owner);
 * for a lead the actor may see, the same of its prospect (the company, or the person when it names
 * none) and its owner; for a lead the actor may not see, nothing but its id and the score with the
 * reasons, so that the actor learns that someone works on it already and can ask a superior. The
 * matches kept on a lead ({@link Lead#possibleDuplicates()}) have no details either: who reads a
 * lead need not be who opened it.
 *
 * @param kind a customer or a lead
 * @param id the customer's or lead's id
 * @param score 0 to 100, see above
 * @param reasons why, not empty
 * @param name the customer's name or the prospect's, or null when not shown
 * @param taxId the tax id, or null when there is none or it is not shown
 * @param city the city, or null when there is none or it is not shown
 * @param ownerId the customer's or lead's owner, or null when not shown
 */
public record DuplicateMatch(MatchKind kind, long id, int score, Set<MatchReason> reasons, String name, String taxId,
        String city, String ownerId) {
    /** The lowest score reported. */
    public static final int MIN_SCORE = 50;
    /** What each reason beyond the strongest adds to the score. */
    public static final int BONUS = 5;

    /** @throws ValidationException when the kind or the reasons are missing or the score is out of range */
    public DuplicateMatch {
        ValidationException.requireNonNull(kind, "kind");
        ValidationException.requireNonNull(reasons, "reasons");
        if (reasons.isEmpty()) {
            throw new ValidationException("reasons", "NotEmpty", "a match has at least one reason");
        }
        reasons = Collections.unmodifiableSet(EnumSet.copyOf(reasons));
        if (score < 0 || score > 100) {
            throw new ValidationException("score", "Range", "must be 0 to 100, was " + score);
        }
        if (id <= 0) {
            throw new ValidationException("id", "Positive", "must be positive, was " + id);
        }
    }

    /**
     * A match scored by its reasons.
     *
     * @param kind a customer or a lead
     * @param id its id
     * @param reasons why
     * @param name the name shown, or null
     * @param taxId the tax id shown, or null
     * @param city the city shown, or null
     * @param ownerId the owner shown, or null
     * @return the match
     */
    public static DuplicateMatch of(MatchKind kind, long id, Collection<MatchReason> reasons, String name,
            String taxId, String city, String ownerId) {
        ValidationException.requireNonNull(reasons, "reasons");
        return new DuplicateMatch(kind, id, scoreOf(reasons), EnumSet.copyOf(reasons), name, taxId, city, ownerId);
    }

    /**
     * @param reasons why a record matches, not empty
     * @return the score they give: the highest weight plus {@value #BONUS} for each further reason, at most 100
     */
    public static int scoreOf(Collection<MatchReason> reasons) {
        if (reasons == null || reasons.isEmpty()) {
            throw new ValidationException("reasons", "NotEmpty", "a match has at least one reason");
        }
        Set<MatchReason> distinct = EnumSet.copyOf(reasons);
        int best = distinct.stream().mapToInt(MatchReason::weight).max().orElseThrow();
        return Math.min(100, best + BONUS * (distinct.size() - 1));
    }

    /** @return whether the match shows the record's details, see the need-to-know rule above */
    public boolean detailed() {
        return name != null;
    }

    /** @return the match without its details, as a lead keeps it */
    public DuplicateMatch withoutDetails() {
        return new DuplicateMatch(kind, id, score, reasons, null, null, null, null);
    }
}
