package org.crm4j.access;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import org.crm4j.ValidationException;
import org.crm4j.common.Storable;

/**
 * Someone who acts on the CRM: a user of the host application, identified by the id the host's
 * {@link org.crm4j.plugin.UserDirectory} knows, with the roles the host gave them. Every call of
 * crm4j is made by an actor (see {@code Crm.as(actor)}).
 *
 * @param id the user's id in the host; 1 to 100 characters ({@link Storable#MAX_USER_ID}), without
 *     U+0000 or a lone surrogate
 * @param roles the user's roles; {@link #ADMIN} sees and changes everything
 */
public record Actor(String id, Set<String> roles) {

    /** The role that sees and may change every customer, whoever owns it. */
    public static final String ADMIN = "crm-admin";

    /** @throws ValidationException when the id is blank or too long */
    public Actor {
        if (id == null || id.isBlank()) {
            throw new ValidationException("actor.id", "NotBlank", "an actor needs an id");
        }
        if (id.length() > Storable.MAX_USER_ID) {
            throw new ValidationException("actor.id", "Size", "must be at most " + Storable.MAX_USER_ID
                    + " characters");
        }
        Storable.requireStorable(id, "actor.id");
        if (roles != null && roles.stream().anyMatch(Objects::isNull)) {
            throw new ValidationException("actor.roles", "NotNull", "a role cannot be null");
        }
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    /**
     * @param id the user's id
     * @param roles the user's roles
     * @return the actor
     */
    public static Actor of(String id, String... roles) {
        ValidationException.requireNonNull(roles, "actor.roles");
        return new Actor(id, new HashSet<>(Arrays.asList(roles)));
    }

    /**
     * @param role a role
     * @return whether the actor has it
     */
    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** @return whether the actor is an administrator ({@link #ADMIN}) */
    public boolean isAdmin() {
        return roles.contains(ADMIN);
    }
}
