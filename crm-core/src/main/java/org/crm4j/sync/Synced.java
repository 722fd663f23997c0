package org.crm4j.sync;

import java.util.Optional;
import org.crm4j.customer.Note;

/**
 * The answer to a change a point of sale sent back.
 *
 * @param value the record as it stands centrally now
 * @param outcome what became of the change
 * @param keptAs on a {@link SyncOutcome#CONFLICT}, the note that keeps what the point of sale wrote;
 *     else null
 * @param <T> the record's type
 */
public record Synced<T>(T value, SyncOutcome outcome, Note keptAs) {

    /** @return the note that keeps a change not applied, if any */
    public Optional<Note> conflictNote() {
        return Optional.ofNullable(keptAs);
    }
}
