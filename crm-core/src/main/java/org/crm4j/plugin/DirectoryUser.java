package org.crm4j.plugin;

import java.util.Optional;
import java.util.Set;
import org.crm4j.ValidationException;
import org.crm4j.common.EmailAddress;
import org.crm4j.common.Storable;

/**
 * A user as the host's directory knows them.
 *
 * @param id the user's id, 1 to 100 characters
 * @param displayName a name to show, up to 200 characters; may equal the id
 * @param roles the user's roles
 * @param superiorId the id of the user's direct superior, or {@code null} at the top
 * @param email the user's work e-mail address, where e-mail notices go, or {@code null}
 */
public record DirectoryUser(String id, String displayName, Set<String> roles, String superiorId, EmailAddress email) {

    /**
     * A user without an e-mail address (who gets notices in the inbox only).
     *
     * @param id the user's id
     * @param displayName a name to show, may equal the id
     * @param roles the user's roles
     * @param superiorId the id of the user's direct superior, or {@code null} at the top
     */
    public DirectoryUser(String id, String displayName, Set<String> roles, String superiorId) {
        this(id, displayName, roles, superiorId, null);
    }

    /**
     * @param address the user's work e-mail address
     * @return a copy with that address
     */
    public DirectoryUser withEmail(EmailAddress address) {
        return new DirectoryUser(id, displayName, roles, superiorId, address);
    }

    /** @return the user's work e-mail address */
    public Optional<EmailAddress> emailAddress() {
        return Optional.ofNullable(email);
    }

    /**
     * @throws ValidationException when the id is blank, an id is longer than
     *     {@value Storable#MAX_USER_ID} characters, the name longer than
     *     {@value Storable#MAX_USER_NAME}, a text holds U+0000 or a lone surrogate (the columns that
     *     keep them, e.g. a customer's owner or a mailing's recipient, could not), or the user is their
     *     own superior
     */
    public DirectoryUser {
        if (id == null || id.isBlank()) {
            throw new ValidationException("user.id", "NotBlank", "a user needs an id");
        }
        Storable.requireStorable(id, "user.id", Storable.MAX_USER_ID);
        Storable.requireStorable(superiorId, "user.superiorId", Storable.MAX_USER_ID);
        Storable.requireStorable(displayName, "user.displayName", Storable.MAX_USER_NAME);
        if (id.equals(superiorId)) {
            throw new ValidationException("user.superiorId", "NotSelf", "a user cannot be their own superior");
        }
        displayName = displayName == null || displayName.isBlank() ? id : displayName;
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }
}
