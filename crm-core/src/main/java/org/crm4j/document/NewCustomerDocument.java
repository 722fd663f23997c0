package org.crm4j.document;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.crm4j.ValidationException;
import org.crm4j.ValidationException.Violation;
import org.crm4j.customer.CustomerId;
import org.crm4j.customer.DocumentOrigin;
import org.crm4j.pipeline.OfferId;
import org.crm4j.sales.ServiceContractId;

/**
 * A document to keep on a customer; pass it to {@link CustomerDocuments#keep}.
 *
 * <pre>{@code
 * byte[] html = offerDocuments.renderHtml(crm.as(sam), offer.id()).getBytes(StandardCharsets.UTF_8);
 * crm.as(sam).documents().keep(NewCustomerDocument.ofOffer(offer.id(), "Offer 42", "text/html", html));
 * }</pre>
 *
 * <p>crm-reports' {@code OfferDocuments.keep} and {@code ContractDocuments.keep} render and keep in one
 * call.
 */
public final class NewCustomerDocument {
    /** The largest content kept: 10 MiB. */
    public static final int MAX_BYTES = 10 * 1024 * 1024;
    /** The longest title and file name. */
    public static final int MAX_NAME = 200;

    private static final Pattern MEDIA_TYPE = Pattern.compile("[a-z0-9][a-z0-9!#$&^_.+-]{0,62}/[a-z0-9][a-z0-9!#$&^_.+-]{0,62}"
            + "(;\\s*[a-z0-9_.-]+=[A-Za-z0-9_.\"-]+)*");

    private final DocumentOrigin origin;
    private final long sourceId;
    private final String title;
    private final String mediaType;
    private final byte[] content;
    private String fileName;

    private NewCustomerDocument(DocumentOrigin origin, long sourceId, String title, String mediaType, byte[] content) {
        this.origin = origin;
        this.sourceId = sourceId;
        this.title = title == null || title.isBlank() ? null : title.strip();
        this.mediaType = mediaType == null ? null : mediaType.strip().toLowerCase(Locale.ROOT);
        this.content = content == null ? null : content.clone();
    }

    /**
     * @param offer the offer the document shows
     * @param title its title
     * @param mediaType e.g. {@code text/html} or {@code application/pdf}
     * @param content the document
     * @return a document kept on the offer's customer, seen by whoever may see the offer's deal
     */
    public static NewCustomerDocument ofOffer(OfferId offer, String title, String mediaType, byte[] content) {
        return new NewCustomerDocument(DocumentOrigin.OFFER, ValidationException.requireNonNull(offer, "offer").value(),
                title, mediaType, content);
    }

    /**
     * @param service the service whose contract the document is
     * @param title its title
     * @param mediaType e.g. {@code text/html} or {@code application/pdf}
     * @param content the document
     * @return a document kept on the service's customer, seen by whoever may see the service
     */
    public static NewCustomerDocument ofServiceContract(ServiceContractId service, String title, String mediaType,
            byte[] content) {
        return new NewCustomerDocument(DocumentOrigin.SERVICE_CONTRACT,
                ValidationException.requireNonNull(service, "service").value(), title, mediaType, content);
    }

    /**
     * @param customer the customer
     * @param title its title
     * @param mediaType its media type
     * @param content the document
     * @return another paper for the customer, seen by the customer's line and the line of whoever keeps it
     */
    public static NewCustomerDocument other(CustomerId customer, String title, String mediaType, byte[] content) {
        return new NewCustomerDocument(DocumentOrigin.OTHER, ValidationException.requireNonNull(customer, "customer")
                .value(), title, mediaType, content);
    }

    /**
     * @param name the file name to offer a download under (no folders); by default the title with
     *     an extension for the media type
     * @return this
     */
    public NewCustomerDocument fileName(String name) {
        this.fileName = name == null || name.isBlank() ? null : name.strip();
        return this;
    }

    /** @return what it is made from */
    public DocumentOrigin origin() {
        return origin;
    }

    /** @return the offer's, service's or (for {@link DocumentOrigin#OTHER}) customer's id */
    public long sourceId() {
        return sourceId;
    }

    /** @return the title */
    public String title() {
        return title;
    }

    /** @return the media type, in lower case */
    public String mediaType() {
        return mediaType;
    }

    /** @return a copy of the content */
    public byte[] content() {
        return content == null ? null : content.clone();
    }

    /** @return the file name given, or one made of the title and the media type */
    public String fileName() {
        if (fileName != null || title == null) {
            return fileName;
        }
        String base = title.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]+", "_");
        String extension = switch (mediaType == null ? "" : mediaType.replaceAll(";.*", "")) {
            case "text/html" -> ".html";
            case "application/pdf" -> ".pdf";
            case "text/plain" -> ".txt";
            case "text/csv" -> ".csv";
            default -> "";
        };
        String name = base + extension;
        return name.length() > MAX_NAME ? name.substring(0, MAX_NAME - extension.length()) + extension : name;
    }

    /**
     * Checks every rule. Used by the runtime.
     *
     * @throws ValidationException listing every broken rule
     */
    public void check() {
        List<Violation> broken = new ArrayList<>();
        if (title == null) {
            broken.add(new Violation("title", "NotBlank", "a document needs a title"));
        } else if (title.length() > MAX_NAME) {
            broken.add(new Violation("title", "Size", "at most " + MAX_NAME + " characters, was " + title.length()));
        }
        if (mediaType == null || !MEDIA_TYPE.matcher(mediaType).matches()) {
            broken.add(new Violation("mediaType", "MediaType", "a media type such as text/html, was " + mediaType));
        }
        if (content == null || content.length == 0) {
            broken.add(new Violation("content", "NotEmpty", "a document needs content"));
        } else if (content.length > MAX_BYTES) {
            broken.add(new Violation("content", "Size", "at most " + MAX_BYTES + " bytes, was " + content.length));
        }
        String name = fileName();
        if (name != null && (name.length() > MAX_NAME || name.contains("/") || name.contains("\\")
                || name.equals(".") || name.equals(".."))) {
            broken.add(new Violation("fileName", "FileName", "a file name of at most " + MAX_NAME
                    + " characters without folders, was " + name));
        }
        if (!broken.isEmpty()) {
            throw new ValidationException(broken);
        }
    }

    @Override
    public String toString() {
        return "NewCustomerDocument[" + origin + " " + sourceId + ", " + title + ", " + mediaType + ", "
                + (content == null ? 0 : content.length) + " bytes]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NewCustomerDocument d && d.origin == origin && d.sourceId == sourceId
                && java.util.Objects.equals(d.title, title) && java.util.Objects.equals(d.mediaType, mediaType)
                && Arrays.equals(d.content, content) && java.util.Objects.equals(d.fileName, fileName);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(origin, sourceId, title, mediaType, Arrays.hashCode(content));
    }
}
