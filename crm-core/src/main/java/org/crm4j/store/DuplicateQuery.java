package org.crm4j.store;

import java.util.Optional;
import org.crm4j.ValidationException;
import org.crm4j.common.NameKeys;
import org.crm4j.lead.DuplicateMatch;
import org.crm4j.lead.MatchReason;
import org.crm4j.lead.Prospect;

/**
 * A duplicate check as a store runs it ({@link CustomerStore#duplicates}, {@link LeadStore#duplicates}):
 * the prospect's matching keys, each null when the prospect has none, of which at least one is set.
 *
 * <p>A store returns the records that share at least one key, each once with every reason it
 * matches for, scored with {@link DuplicateMatch#scoreOf}, highest score first, then lowest id, at
 * most {@code limit}; a store that speaks SQL does it in one statement, with the keys as bind
 * parameters, on indexed key columns.
 *
 * @param taxId the normalised tax id ({@link org.crm4j.common.TaxIds}), or null
 * @param email the e-mail in lower case, or null
 * @param phone the phone in E.164 form, or null
 * @param nameKey the name key ({@link NameKeys}) of the company, or of the person when there is no company, or null
 * @param nameReason {@link MatchReason#NAME} for a company's key, {@link MatchReason#PERSON_NAME} for a person's;
 *     null when there is no name key
 * @param visibility what the actor may see: for customers, whose contacts' e-mails and phones are
 *     compared (those of customers outside it are not); for leads, whose details are shown (leads
 *     outside it match, with their id, reasons and nothing else); applied in the query
 * @param limit how many at most, 1 or more
 */
public record DuplicateQuery(String taxId, String email, String phone, String nameKey, MatchReason nameReason,
        Visibility visibility, int limit) {

    /** @throws ValidationException when there is no key, the name reason does not fit, or the limit is below 1 */
    public DuplicateQuery {
        ValidationException.requireNonNull(visibility, "visibility");
        if (taxId == null && email == null && phone == null && nameKey == null) {
            throw new ValidationException("prospect", "Key", "a duplicate check needs a tax id, e-mail, phone or name");
        }
        if ((nameKey == null) != (nameReason == null)
                || nameReason != null && nameReason != MatchReason.NAME && nameReason != MatchReason.PERSON_NAME) {
            throw new ValidationException("nameReason", "Name", "NAME or PERSON_NAME goes with a name key, and only then");
        }
        if (limit < 1) {
            throw new ValidationException("limit", "Min", "must be at least 1, was " + limit);
        }
    }

    /**
     * @param prospect who came in
     * @param visibility what the actor may see
     * @param limit how many at most
     * @return the check of the prospect's keys, empty when it has none (a name of punctuation only
     *     and no tax id, e-mail or phone)
     * @throws ValidationException when the prospect is null
     */
    public static Optional<DuplicateQuery> of(Prospect prospect, Visibility visibility, int limit) {
        ValidationException.requireNonNull(prospect, "prospect");
        String company = NameKeys.normalize(prospect.company());
        String name = company != null ? company : NameKeys.normalize(prospect.personName());
        MatchReason reason = name == null ? null : company != null ? MatchReason.NAME : MatchReason.PERSON_NAME;
        String email = prospect.email() == null ? null : prospect.email().normalized();
        String phone = prospect.phone() == null ? null : prospect.phone().value();
        if (prospect.taxId() == null && email == null && phone == null && name == null) {
            return Optional.empty();
        }
        return Optional.of(new DuplicateQuery(prospect.taxId(), email, phone, name, reason, visibility, limit));
    }
}
