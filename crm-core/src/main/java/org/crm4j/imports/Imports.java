package org.crm4j.imports;

import java.util.stream.Stream;
import org.crm4j.ValidationException;

/**
 * Bulk import of customers with their contact persons from the host's ERP or a file (R29, R33),
 * as one actor does it. Get it from {@code crm.as(actor).imports()}.
 *
 * <pre>{@code
 * ImportReport report = crm.as(ada).imports().customers(erpRows,
 *         ImportOptions.defaults().onProgress(soFar -> log.info("{} rows", soFar.rows())));
 * }</pre>
 *
 * <p><b>Upsert by external reference.</b> Every row names the customer's record in the ERP
 * ({@link ImportRow#ref}); a reference no customer holds yet creates a customer, a reference a
 * customer holds updates that customer's fields the row gives when they differ, and leaves it
 * alone (no write, no event) when nothing differs. So running the same import twice changes
 * nothing the second time, and a changed source row updates its customer. A store's unique rule
 * on external references holds this against concurrent imports too: a batch that lost a race is
 * run again once, and then finds the customers the other import created.
 *
 * <p><b>What a row changes.</b> Fields the row does not give are left as they are; a field given
 * blank is cleared (name and kind are never cleared). Tags and categories given are added to those
 * the customer has; an import never removes them, as CRM users add their own. The row's external
 * reference is added to the customer's; other references stay. Contact persons are matched to the
 * customer's existing ones by e-mail address (case-insensitive), and a row's contact without an
 * e-mail by name (case-insensitive); a matched contact gets the fields given (name, job title)
 * and the roles, e-mail and phone it lacks; an unmatched one is added. Contacts the row does not
 * name are kept: nothing is deleted (R5). The owner given is the customer's owner; an existing
 * customer whose owner changes is handed over with the owner history and event of
 * {@code Customers.save}. Kind, status (an archived customer stays archived) and the creation
 * time are never changed by an import.
 *
 * <p><b>Rules and need-to-know (R28).</b> Each row is checked with the rules of
 * {@code Customers.create} and {@code Customers.addContact}: a row that breaks any is rejected
 * with its line, every broken field and rule, and the good rows still go in. The owner must be a
 * user the directory knows and one the actor may hand customers to (the actor, people reporting to
 * them, or anyone for an administrator); without an owner, a new customer is the actor's. A row
 * whose reference belongs to a customer the actor may not open is rejected (field
 * {@code externalRef}, rule {@code Openable}); the store applies that in the query that reads the
 * existing customers.
 *
 * <p><b>Likely duplicates.</b> A row whose reference is new is checked against the existing
 * customers with the duplicate check of inbound leads (tax id, e-mail and phone of its contacts,
 * name key; score {@value org.crm4j.lead.DuplicateMatch#MIN_SCORE} or more, see
 * {@link org.crm4j.lead.DuplicateMatch}). By default such a row is reported and skipped, so that
 * an ERP's record for a customer the CRM has already (without the reference) is not made twice;
 * see {@link ImportOptions.DuplicatePolicy}.
 *
 * <p><b>Batches and memory.</b> Rows are read one batch at a time
 * ({@link ImportOptions#batchSize}); each batch is one transaction with the events of its
 * changes ({@code customer.created}, {@code customer.updated}, {@code customer.owner-changed},
 * {@code contact.added}, {@code contact.updated}, as the single-record calls raise them), and is
 * committed before the next one is read. Memory is bounded by one batch and the report's bounded
 * details, whatever the number of rows. A failure of the store stops the import there: the batches
 * committed so far stay, and running the import again continues where it stopped (what was
 * imported is then unchanged).
 */
public interface Imports {

    /**
     * Imports customers from rows the host produces; the rows are read once, in order.
     *
     * @param rows the rows, e.g. a list or a lazily computed iterable over the ERP's records
     * @param options dry run, batch size, progress, duplicates policy
     * @return what was created, updated, left unchanged, rejected and skipped as likely duplicate
     * @throws ValidationException when the rows or options are null
     */
    ImportReport customers(Iterable<ImportRow> rows, ImportOptions options);

    /**
     * Imports customers from a stream of rows; the stream is consumed, not closed.
     *
     * @param rows the rows
     * @param options dry run, batch size, progress, duplicates policy
     * @return what was created, updated, left unchanged, rejected and skipped as likely duplicate
     * @throws ValidationException when the rows or options are null
     */
    default ImportReport customers(Stream<ImportRow> rows, ImportOptions options) {
        ValidationException.requireNonNull(rows, "rows");
        return customers(rows::iterator, options);
    }
}
