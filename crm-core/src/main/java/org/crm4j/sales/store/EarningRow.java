package org.crm4j.sales.store;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.crm4j.common.ExternalRef;

/**
 * What a store adds up for a commission statement: the basis one payment (or one invoice paid in
 * full) earned in one product group on a day, or what one credit note credited in one group.
 *
 * @param on the day
 * @param documentId the invoice (or credit note)
 * @param document its ERP reference
 * @param productGroup the product group, or null
 * @param basis the net amount or margin, in the document's currency, not rounded
 */
public record EarningRow(LocalDate on, long documentId, ExternalRef document, String productGroup, BigDecimal basis) {
}
