package org.crm4j.customer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.crm4j.ValidationException;
import org.crm4j.ValidationException.Violation;

/**
 * What records a customer's contract with a competitor; pass it to
 * {@link Customers#addCompetitorContract}. The supplier (up to 200 characters) and the end date
 * are required; the product (up to 200) and a note (up to 2,000) are optional; blank counts as
 * none.
 *
 * <pre>{@code
 * customers.addCompetitorContract(acme.id(), NewCompetitorContract.of("Rival AG", LocalDate.of(2026, 9, 30))
 *         .product("ERP hosting").note("unhappy with their support"));
 * }</pre>
 */
public final class NewCompetitorContract {
    /** The longest supplier and product names. */
    public static final int MAX_NAME = 200;
    /** The longest note. */
    public static final int MAX_NOTE = 2000;

    private final String supplier;
    private final LocalDate endsOn;
    private String product;
    private String note;

    private NewCompetitorContract(String supplier, LocalDate endsOn) {
        this.supplier = blankToNull(supplier);
        this.endsOn = endsOn;
    }

    /**
     * @param supplier the competitor
     * @param endsOn the contract's last day
     * @return the contract to record; it is checked when it is added
     */
    public static NewCompetitorContract of(String supplier, LocalDate endsOn) {
        return new NewCompetitorContract(supplier, endsOn);
    }

    /**
     * @param name what the customer has from the competitor
     * @return this
     */
    public NewCompetitorContract product(String name) {
        this.product = blankToNull(name);
        return this;
    }

    /**
     * @param text a note
     * @return this
     */
    public NewCompetitorContract note(String text) {
        this.note = blankToNull(text);
        return this;
    }

    /** @return the supplier, stripped; null when blank. Used by the runtime. */
    public String supplier() {
        return supplier;
    }

    /** @return the last day. Used by the runtime. */
    public LocalDate endsOn() {
        return endsOn;
    }

    /** @return the product, or null. Used by the runtime. */
    public String product() {
        return product;
    }

    /** @return the note, or null. Used by the runtime. */
    public String note() {
        return note;
    }

    /**
     * Checks every rule. Used by the runtime.
     *
     * @throws ValidationException listing every broken rule
     */
    public void check() {
        List<Violation> violations = new ArrayList<>();
        if (supplier == null) {
            violations.add(new Violation("supplier", "NotBlank", "name the competitor the contract is with"));
        } else if (supplier.length() > MAX_NAME) {
            violations.add(new Violation("supplier", "Size", "at most " + MAX_NAME + " characters, was "
                    + supplier.length()));
        }
        if (endsOn == null) {
            violations.add(new Violation("endsOn", "NotNull", "a competitor's contract needs its end date"));
        }
        if (product != null && product.length() > MAX_NAME) {
            violations.add(new Violation("product", "Size", "at most " + MAX_NAME + " characters, was "
                    + product.length()));
        }
        if (note != null && note.length() > MAX_NOTE) {
            violations.add(new Violation("note", "Size", "at most " + MAX_NOTE + " characters, was " + note.length()));
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
