package org.crm4j.customer;

import java.time.Instant;
import java.util.OptionalLong;

/**
 * A document kept on a customer (R12), without its content ({@code crm.as(actor).documents().content(id)}).
 *
 * @param id the id
 * @param customerId the customer it belongs to
 * @param origin what it was made from
 * @param sourceId the offer's or the service's id it was made from (0 for {@link DocumentOrigin#OTHER})
 * @param title its title, e.g. "Offer 2026-0042 v2"
 * @param fileName the file name to offer a download under
 * @param mediaType its media type, e.g. {@code text/html} or {@code application/pdf}
 * @param size its size in bytes
 * @param sha256 the SHA-256 of its content, in lower-case hex: the same content is kept once per
 *     customer and source
 * @param ownerId whose record it counts as for need-to-know: the deal's owner, the service's
 *     salesperson (null when it has none) or whoever kept it, when it was kept
 * @param keptBy who kept it
 * @param keptAt when
 */
public record CustomerDocument(CustomerDocumentId id, CustomerId customerId, DocumentOrigin origin, long sourceId,
        String title, String fileName, String mediaType, long size, String sha256, String ownerId, String keptBy,
        Instant keptAt) {

    /** @return the offer's or service's id it was made from, if any */
    public OptionalLong source() {
        return sourceId == 0 ? OptionalLong.empty() : OptionalLong.of(sourceId);
    }
}
