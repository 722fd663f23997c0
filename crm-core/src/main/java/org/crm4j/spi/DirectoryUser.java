package org.crm4j.spi;

import java.util.Set;
import org.crm4j.ValidationException;

/**
 * A user as the host's directory knows them.
 *
 * @param id the user's id
 * @param displayName a name to show, may equal the id
 * @param roles the user's roles
 * @param superiorId the id of the user's direct superior, or {@code null} at the top
 */
public record DirectoryUser(String id, String displayName, Set<String> roles, String superiorId) {

    /** @throws ValidationException when the id is blank or the user is their own superior */
    public DirectoryUser {
        if (id == null || id.isBlank()) {
            throw new ValidationException("user.id", "NotBlank", "a user needs an id");
        }
        if (id.equals(superiorId)) {
            throw new ValidationException("user.superiorId", "NotSelf", "a user cannot be their own superior");
        }
        displayName = displayName == null || displayName.isBlank() ? id : displayName;
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }
}
