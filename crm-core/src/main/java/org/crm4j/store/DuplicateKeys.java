package org.crm4j.store;

import java.util.Set;

/**
 * The matching keys of many prospects at once (the new rows of an import batch), for
 * {@link CustomerStore#presentKeys}: which of them any existing customer has, so that the full
 * duplicate check ({@link CustomerStore#duplicates}) runs only for rows that can match.
 *
 * @param taxIds normalised tax ids
 * @param nameKeys name keys ({@link org.crm4j.common.NameKeys})
 * @param emails e-mail addresses in lower case
 * @param phones phone numbers in E.164 form
 * @param visibility whose contacts' e-mails and phones are compared, as in {@link DuplicateQuery}
 */
public record DuplicateKeys(Set<String> taxIds, Set<String> nameKeys, Set<String> emails, Set<String> phones,
        Visibility visibility) {

    /** Copies the sets. */
    public DuplicateKeys {
        taxIds = Set.copyOf(taxIds);
        nameKeys = Set.copyOf(nameKeys);
        emails = Set.copyOf(emails);
        phones = Set.copyOf(phones);
    }

    /** @return whether there is no key at all */
    public boolean isEmpty() {
        return taxIds.isEmpty() && nameKeys.isEmpty() && emails.isEmpty() && phones.isEmpty();
    }
}
