package org.crm4j.reports.document;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.crm4j.ActorScope;
import org.crm4j.CrmException;
import org.crm4j.ValidationException;
import org.crm4j.common.Address;
import org.crm4j.common.Money;
import org.crm4j.customer.CustomerDocument;
import org.crm4j.document.NewCustomerDocument;
import org.crm4j.pipeline.Offer;
import org.crm4j.pipeline.OfferAddressee;
import org.crm4j.pipeline.OfferId;
import org.crm4j.pipeline.OfferLine;
import org.crm4j.pipeline.OfferTotals;
import org.crm4j.pipeline.Opportunity;
import org.crm4j.pipeline.TaxAmount;

/**
 * Renders offers to HTML (and PDF) documents from a Mustache template (R12): crm4j's own, or
 * the host's.
 *
 * <pre>{@code
 * OfferDocuments documents = OfferDocuments.standard().with("seller", Map.of("name", "Kowalski Machines"));
 * String html = documents.renderHtml(crm.as(sam), offer.id());
 * }</pre>
 *
 * <p>The template sees these values (every amount is formatted for the {@link #locale(Locale)
 * locale} with the currency's decimal places; HTML is escaped by {@code {{name}}}):
 * <ul>
 *   <li>{@code offer}: {@code number}, {@code status}, {@code date} (the day it was sent, or
 *       drafted, in the {@link #zone(ZoneId) zone} given), {@code validUntil}, {@code terms},
 *       {@code currency};</li>
 *   <li>{@code deal}: {@code title};</li>
 *   <li>{@code customer}: {@code name}, {@code taxId}, {@code street}, {@code postalCode},
 *       {@code city}, {@code country};</li>
 *   <li>{@code contact} (the customer's primary contact person, when there is one): {@code name},
 *       {@code jobTitle};</li>
 *   <li>{@code lines}, each: {@code position} (from 1), {@code code}, {@code description},
 *       {@code quantity}, {@code unit}, {@code unitPrice}, {@code discounted} (true when the line
 *       has a discount), {@code discountPercent}, {@code discountReason}, {@code net};</li>
 *   <li>{@code totals}: {@code net}, {@code taxes} (each {@code rate}, {@code base}, {@code tax}),
 *       {@code tax}, {@code gross};</li>
 *   <li>whatever the host added with {@link #with(String, Object)}.</li>
 * </ul>
 *
 * <p>{@link #renderPdf(ActorScope, OfferId, OutputStream) PDF} is the same document laid out by
 * openhtmltopdf, an optional dependency the host adds to its build.
 *
 * <p>Instances are immutable and thread-safe; the template is compiled once.
 */
public final class OfferDocuments {
    private static final String STANDARD = "org/crm4j/reports/document/offer.html.mustache";

    private final Mustache template;
    private final Locale locale;
    private final Map<String, Object> extra;
    private final List<PdfOutput.Font> fonts;
    private final ZoneId zone;

    private OfferDocuments(Mustache template, Locale locale, Map<String, Object> extra, List<PdfOutput.Font> fonts,
            ZoneId zone) {
        this.template = template;
        this.locale = locale;
        this.extra = extra;
        this.fonts = fonts;
        this.zone = zone;
    }

    /** @return documents from crm4j's own offer template, in English number format */
    public static OfferDocuments standard() {
        InputStream in = OfferDocuments.class.getClassLoader().getResourceAsStream(STANDARD);
        if (in == null) {
            throw new CrmException("The offer template " + STANDARD + " is missing from crm-reports");
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return new OfferDocuments(compile(reader, "offer.html"), Locale.ENGLISH, Map.of(), List.of(), ZoneOffset.UTC);
        } catch (IOException e) {
            throw new CrmException("The offer template " + STANDARD + " cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * @param mustacheTemplate the host's own template, in Mustache syntax; partials
     *     ({@code {{> name}}}) are read from the class path
     * @return documents from that template, in English number format
     * @throws ValidationException when the template is not valid Mustache
     */
    public static OfferDocuments fromTemplate(String mustacheTemplate) {
        ValidationException.requireNonNull(mustacheTemplate, "template");
        return new OfferDocuments(compile(new StringReader(mustacheTemplate), "host-offer"), Locale.ENGLISH, Map.of(),
                List.of(), ZoneOffset.UTC);
    }

    private static Mustache compile(Reader reader, String name) {
        try {
            return new DefaultMustacheFactory().compile(reader, name);
        } catch (MustacheException e) {
            throw new ValidationException("template", "Mustache", "the template cannot be compiled: " + e.getMessage());
        }
    }

    /**
     * @param newLocale how amounts and quantities are written, e.g. {@code Locale.GERMANY} for
     *     {@code 1.234,50}
     * @return a copy writing numbers that way
     */
    public OfferDocuments locale(Locale newLocale) {
        return new OfferDocuments(template, ValidationException.requireNonNull(newLocale, "locale"), extra, fonts,
                zone);
    }

    /**
     * @param newZone the time zone the document's date is told in (default UTC), e.g. the
     *     seller's
     * @return a copy telling dates in that zone
     */
    public OfferDocuments zone(ZoneId newZone) {
        return new OfferDocuments(template, locale, extra, fonts, ValidationException.requireNonNull(newZone, "zone"));
    }

    /**
     * @param key a name the template can use, e.g. {@code seller}
     * @param value its value: text, a number, a map or a list of them
     * @return a copy that gives the template that value too
     * @throws ValidationException when the key is one of the values crm4j fills in
     */
    public OfferDocuments with(String key, Object value) {
        ValidationException.requireNonNull(key, "key");
        ValidationException.requireNonNull(value, "value");
        if (List.of("offer", "deal", "customer", "contact", "lines", "totals").contains(key)) {
            throw new ValidationException("key", "NotReserved", "'" + key + "' is filled in by crm4j");
        }
        Map<String, Object> more = new LinkedHashMap<>(extra);
        more.put(key, value);
        return new OfferDocuments(template, locale, Map.copyOf(more), fonts, zone);
    }

    /**
     * @param ttfFile a TrueType font to embed in PDF documents, for letters the PDF standard
     *     fonts lack (they cover Western European ones only), e.g. DejaVu Sans
     * @param family the CSS font family it serves; the standard template asks for
     *     {@code document} first (then the PDF standard font for {@code sans-serif})
     * @return a copy that embeds the font
     * @throws ValidationException when the file is not a readable file
     */
    public OfferDocuments pdfFont(Path ttfFile, String family) {
        ValidationException.requireNonNull(ttfFile, "ttfFile");
        ValidationException.requireNonNull(family, "family");
        if (!Files.isRegularFile(ttfFile) || !Files.isReadable(ttfFile)) {
            throw new ValidationException("ttfFile", "Readable", ttfFile + " is no readable font file");
        }
        List<PdfOutput.Font> more = new ArrayList<>(fonts);
        more.add(new PdfOutput.Font(ttfFile, family));
        return new OfferDocuments(template, locale, extra, List.copyOf(more), zone);
    }

    /**
     * Renders the document as PDF: the HTML laid out by openhtmltopdf, which the host adds to
     * its build ({@code io.github.openhtmltopdf:openhtmltopdf-pdfbox}); the template must give
     * well-formed XHTML, as the standard one does. openhtmltopdf's own console logging is
     * switched off for the JVM when the first PDF is made.
     *
     * @param scope who asks; need-to-know applies to every read
     * @param offerId the offer
     * @param out where the PDF is written; it is not closed
     * @throws CrmException when openhtmltopdf is not on the class path or the document is no
     *     well-formed XHTML
     */
    public void renderPdf(ActorScope scope, OfferId offerId, OutputStream out) {
        ValidationException.requireNonNull(out, "out");
        requirePdf();
        PdfOutput.write(renderHtml(scope, offerId), fonts, out);
    }

    /**
     * Renders a PDF document from data already read; see {@link #renderPdf(ActorScope, OfferId,
     * OutputStream)}.
     *
     * @param offer the offer
     * @param deal its deal
     * @param to whom it is addressed
     * @param out where the PDF is written; it is not closed
     */
    public void renderPdf(Offer offer, Opportunity deal, OfferAddressee to, OutputStream out) {
        ValidationException.requireNonNull(out, "out");
        requirePdf();
        StringWriter html = new StringWriter();
        render(offer, deal, to, html);
        PdfOutput.write(html.toString(), fonts, out);
    }

    private static void requirePdf() {
        if (!PdfOutput.available()) {
            throw new CrmException("PDF documents need io.github.openhtmltopdf:openhtmltopdf-pdfbox on the class path"
                    + " (crm-reports declares it as an optional dependency)");
        }
    }

    /**
     * Reads the offer, its deal and whom it is addressed to (the customer and its primary
     * contact person, {@link org.crm4j.pipeline.Offers#addressee}) as the actor may see them,
     * and renders the document.
     *
     * @param scope who asks; need-to-know applies to every read
     * @param offerId the offer
     * @return the HTML document
     * @throws org.crm4j.AccessDeniedException when the actor may not see the offer's deal
     * @throws org.crm4j.NotFoundException when there is no such offer
     */
    public String renderHtml(ActorScope scope, OfferId offerId) {
        StringWriter out = new StringWriter();
        renderHtml(scope, offerId, out);
        return out.toString();
    }

    /**
     * Renders the offer's HTML document and keeps it on the deal's customer (R12), where the card
     * lists it, seen by whoever may see the deal. Stored once: the same document rendered again is
     * the one kept before.
     *
     * @param scope who asks; need-to-know applies to every read
     * @param offerId the offer
     * @return the document as kept
     */
    public CustomerDocument keep(ActorScope scope, OfferId offerId) {
        ValidationException.requireNonNull(scope, "scope");
        ValidationException.requireNonNull(offerId, "offerId");
        Offer offer = scope.offers().get(offerId);
        StringWriter html = new StringWriter();
        render(offer, scope.opportunities().get(offer.opportunityId()), scope.offers().addressee(offerId), html);
        return scope.documents().keep(NewCustomerDocument.ofOffer(offerId, "Offer " + offer.number(),
                "text/html; charset=utf-8", html.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Renders the offer's PDF document and keeps it on the deal's customer; see {@link #keep}.
     *
     * @param scope who asks
     * @param offerId the offer
     * @return the document as kept
     * @throws CrmException when openhtmltopdf is not on the class path
     */
    public CustomerDocument keepPdf(ActorScope scope, OfferId offerId) {
        ValidationException.requireNonNull(scope, "scope");
        ValidationException.requireNonNull(offerId, "offerId");
        Offer offer = scope.offers().get(offerId);
        java.io.ByteArrayOutputStream pdf = new java.io.ByteArrayOutputStream();
        renderPdf(offer, scope.opportunities().get(offer.opportunityId()), scope.offers().addressee(offerId), pdf);
        return scope.documents().keep(NewCustomerDocument.ofOffer(offerId, "Offer " + offer.number(),
                "application/pdf", pdf.toByteArray()));
    }

    /**
     * @param scope who asks
     * @param offerId the offer
     * @param out where the HTML is written
     */
    public void renderHtml(ActorScope scope, OfferId offerId, Writer out) {
        ValidationException.requireNonNull(scope, "scope");
        ValidationException.requireNonNull(offerId, "offerId");
        Offer offer = scope.offers().get(offerId);
        Opportunity deal = scope.opportunities().get(offer.opportunityId());
        render(offer, deal, scope.offers().addressee(offerId), out);
    }

    /**
     * Renders a document from data already read.
     *
     * @param offer the offer
     * @param deal its deal
     * @param to whom it is addressed
     * @param out where the HTML is written
     */
    public void render(Offer offer, Opportunity deal, OfferAddressee to, Writer out) {
        ValidationException.requireNonNull(offer, "offer");
        ValidationException.requireNonNull(deal, "deal");
        ValidationException.requireNonNull(to, "to");
        ValidationException.requireNonNull(out, "out");
        Map<String, Object> model = new LinkedHashMap<>(extra);
        model.put("offer", offerValues(offer));
        model.put("deal", Map.of("title", deal.title()));
        model.put("customer", customerValues(to));
        if (to.contactName() != null) {
            Map<String, Object> person = new LinkedHashMap<>();
            person.put("name", to.contactName());
            putIfPresent(person, "jobTitle", to.contactJobTitle());
            model.put("contact", person);
        }
        model.put("lines", lineValues(offer.lines()));
        model.put("totals", totalValues(offer.totals()));
        try {
            template.execute(out, model).flush();
        } catch (MustacheException e) {
            throw new CrmException("The offer document could not be rendered: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new CrmException("The offer document could not be written: " + e.getMessage(), e);
        }
    }

    private Map<String, Object> offerValues(Offer offer) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("number", offer.number());
        values.put("status", offer.status().name());
        LocalDate date = LocalDate.ofInstant(offer.sentAt().orElse(offer.createdAt()), zone);
        values.put("date", date.toString());
        values.put("validUntil", offer.validUntil().toString());
        offer.terms().ifPresent(t -> values.put("terms", t));
        values.put("currency", offer.currency().getCurrencyCode());
        return values;
    }

    private static Map<String, Object> customerValues(OfferAddressee to) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("name", to.customerName());
        putIfPresent(values, "taxId", to.taxId());
        Address a = to.address();
        if (a != null) {
            putIfPresent(values, "street", a.street());
            putIfPresent(values, "postalCode", a.postalCode());
            putIfPresent(values, "city", a.city());
            putIfPresent(values, "country", a.country());
        }
        return values;
    }

    private List<Map<String, Object>> lineValues(List<OfferLine> lines) {
        List<Map<String, Object>> values = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            OfferLine line = lines.get(i);
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("position", i + 1);
            v.put("code", line.code());
            v.put("description", line.description());
            v.put("quantity", number(line.quantity(), 0, OfferLine.DECIMALS));
            putIfPresent(v, "unit", line.unit());
            v.put("unitPrice", money(line.unitPrice()));
            boolean discounted = line.discountPercent().signum() > 0;
            v.put("discounted", discounted);
            if (discounted) {
                v.put("discountPercent", number(line.discountPercent(), 0, OfferLine.DECIMALS));
                v.put("discountReason", line.discountReason());
            }
            v.put("net", money(line.net()));
            values.add(v);
        }
        return values;
    }

    private Map<String, Object> totalValues(OfferTotals totals) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("net", money(totals.net()));
        List<Map<String, Object>> taxes = new ArrayList<>();
        for (TaxAmount t : totals.taxes()) {
            taxes.add(Map.of("rate", number(t.rate(), 0, OfferLine.DECIMALS), "base", money(t.base()),
                    "tax", money(t.tax())));
        }
        values.put("taxes", taxes);
        values.put("tax", money(totals.tax()));
        values.put("gross", money(totals.gross()));
        return values;
    }

    private String money(Money money) {
        Currency c = money.currency();
        int digits = Math.max(c.getDefaultFractionDigits(), 0);
        return number(money.amount(), digits, digits);
    }

    private String number(BigDecimal value, int minDigits, int maxDigits) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(minDigits);
        format.setMaximumFractionDigits(maxDigits);
        return format.format(value);
    }

    private static void putIfPresent(Map<String, Object> values, String key, String value) {
        if (value != null) {
            values.put(key, value);
        }
    }

    @Override
    public String toString() {
        return "OfferDocuments[" + Objects.toString(template.getName()) + ", " + locale + "]";
    }
}
