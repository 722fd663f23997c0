package org.crm4j.reports.document;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
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
import org.crm4j.customer.ContactPerson;
import org.crm4j.customer.Customer;
import org.crm4j.customer.CustomerDocument;
import org.crm4j.document.NewCustomerDocument;
import org.crm4j.sales.ServiceContract;
import org.crm4j.sales.ServiceContractId;

/**
 * Generates a service's contract from a Mustache template filled with the customer's data (R12):
 * crm4j's own, or the host's; {@link #keep} keeps it on the customer, where the card lists it.
 *
 * <pre>{@code
 * ContractDocuments contracts = ContractDocuments.standard().with("seller", Map.of("name", "Kowalski Machines"));
 * CustomerDocument kept = contracts.keep(crm.as(sam), service.id());
 * }</pre>
 *
 * <p>The template sees:
 * <ul>
 *   <li>{@code service}: {@code productCode}, {@code productName}, {@code startsOn}, {@code endsOn}
 *       (absent when open-ended), {@code period} ({@code month}, {@code quarter}, {@code year} ...),
 *       {@code price} (formatted for the {@link #locale(Locale) locale}), {@code currency},
 *       {@code autoRenew}, {@code noticeDays}, {@code reference} (the ERP's contract number, when
 *       known);</li>
 *   <li>{@code customer}: {@code name}, {@code taxId}, {@code street}, {@code postalCode},
 *       {@code city}, {@code country};</li>
 *   <li>{@code contact} (the customer's primary contact person, when there is one): {@code name},
 *       {@code jobTitle};</li>
 *   <li>{@code date}: the day it is generated, in the {@link #zone(ZoneId) zone} given;</li>
 *   <li>whatever the host added with {@link #with(String, Object)} (e.g. {@code seller}, {@code terms}).</li>
 * </ul>
 *
 * <p>The actor needs to see the service and open its customer (the customer's line, or whoever
 * owns an open record on it, R28). Instances are immutable and thread-safe; the template is
 * compiled once.
 */
public final class ContractDocuments {
    private static final String STANDARD = "org/crm4j/reports/document/contract.html.mustache";
    private static final String HTML = "text/html; charset=utf-8";

    private final Mustache template;
    private final Locale locale;
    private final Map<String, Object> extra;
    private final ZoneId zone;
    private final Clock clock;

    private ContractDocuments(Mustache template, Locale locale, Map<String, Object> extra, ZoneId zone, Clock clock) {
        this.template = template;
        this.locale = locale;
        this.extra = extra;
        this.zone = zone;
        this.clock = clock;
    }

    /** @return contracts from crm4j's own template, in English number format */
    public static ContractDocuments standard() {
        InputStream in = ContractDocuments.class.getClassLoader().getResourceAsStream(STANDARD);
        if (in == null) {
            throw new CrmException("The contract template " + STANDARD + " is missing from crm-reports");
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return new ContractDocuments(compile(reader, "contract.html"), Locale.ENGLISH, Map.of(), ZoneOffset.UTC,
                    Clock.systemUTC());
        } catch (IOException e) {
            throw new CrmException("The contract template " + STANDARD + " cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * @param mustacheTemplate the host's own template, in Mustache syntax (HTML)
     * @return contracts from that template
     * @throws ValidationException when the template is not valid Mustache
     */
    public static ContractDocuments fromTemplate(String mustacheTemplate) {
        ValidationException.requireNonNull(mustacheTemplate, "template");
        return new ContractDocuments(compile(new StringReader(mustacheTemplate), "host-contract"), Locale.ENGLISH,
                Map.of(), ZoneOffset.UTC, Clock.systemUTC());
    }

    private static Mustache compile(Reader reader, String name) {
        try {
            return new DefaultMustacheFactory().compile(reader, name);
        } catch (MustacheException e) {
            throw new ValidationException("template", "Mustache", "the template cannot be compiled: " + e.getMessage());
        }
    }

    /** @param newLocale how amounts are written @return a copy writing them that way */
    public ContractDocuments locale(Locale newLocale) {
        return new ContractDocuments(template, ValidationException.requireNonNull(newLocale, "locale"), extra, zone,
                clock);
    }

    /** @param newZone the zone of the document's date @return a copy using it */
    public ContractDocuments zone(ZoneId newZone) {
        return new ContractDocuments(template, locale, extra, ValidationException.requireNonNull(newZone, "zone"),
                clock);
    }

    /** @param newClock the clock of the document's date (the host's, or a test's) @return a copy using it */
    public ContractDocuments clock(Clock newClock) {
        return new ContractDocuments(template, locale, extra, zone, ValidationException.requireNonNull(newClock,
                "clock"));
    }

    /**
     * @param key a name the template uses, e.g. {@code seller} or {@code terms}
     * @param value its value (a map, a list, a text)
     * @return a copy that gives the template that value too
     */
    public ContractDocuments with(String key, Object value) {
        ValidationException.requireNonNull(key, "key");
        ValidationException.requireNonNull(value, "value");
        Map<String, Object> more = new LinkedHashMap<>(extra);
        more.put(key, value);
        return new ContractDocuments(template, locale, Map.copyOf(more), zone, clock);
    }

    /**
     * Generates the service's contract as the actor may see it.
     *
     * @param scope who asks; need-to-know applies to every read
     * @param serviceId the service
     * @return the HTML document
     * @throws org.crm4j.AccessDeniedException when the actor may not see the service or open its customer
     * @throws org.crm4j.NotFoundException when there is no such service
     */
    public String renderHtml(ActorScope scope, ServiceContractId serviceId) {
        ValidationException.requireNonNull(scope, "scope");
        ValidationException.requireNonNull(serviceId, "serviceId");
        return html(scope, scope.sales().service(serviceId));
    }

    /**
     * Generates the service's contract and keeps it on its customer (stored once: the same contract
     * generated again is the document kept before).
     *
     * @param scope who asks
     * @param serviceId the service
     * @return the document as kept
     */
    public CustomerDocument keep(ActorScope scope, ServiceContractId serviceId) {
        ValidationException.requireNonNull(scope, "scope");
        ValidationException.requireNonNull(serviceId, "serviceId");
        ServiceContract service = scope.sales().service(serviceId);
        return scope.documents().keep(NewCustomerDocument.ofServiceContract(serviceId,
                "Service contract " + service.productName() + (service.externalRef() == null ? ""
                        : " (" + service.externalRef().id() + ")"), HTML,
                html(scope, service).getBytes(StandardCharsets.UTF_8)));
    }

    /** The contract of a service read by the actor, with its customer and primary contact as the actor reads them. */
    private String html(ActorScope scope, ServiceContract service) {
        Customer customer = scope.customers().get(service.customerId());
        ContactPerson primary = scope.customers().contacts(service.customerId()).stream()
                .filter(ContactPerson::isPrimary).findFirst().orElse(null);
        StringWriter out = new StringWriter();
        render(service, customer, primary, LocalDate.now(clock.withZone(zone)), out);
        return out.toString();
    }

    /**
     * Renders a contract from data already read.
     *
     * @param service the service
     * @param customer its customer
     * @param contact the customer's primary contact person, or null
     * @param date the document's date
     * @param out where the HTML is written
     */
    public void render(ServiceContract service, Customer customer, ContactPerson contact, LocalDate date, Writer out) {
        ValidationException.requireNonNull(service, "service");
        ValidationException.requireNonNull(customer, "customer");
        ValidationException.requireNonNull(date, "date");
        ValidationException.requireNonNull(out, "out");
        Map<String, Object> model = new LinkedHashMap<>(extra);
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("productCode", service.productCode());
        s.put("productName", service.productName());
        s.put("startsOn", service.startsOn().toString());
        service.end().ifPresent(end -> s.put("endsOn", end.toString()));
        s.put("period", service.billingPeriod().name().toLowerCase(Locale.ROOT));
        s.put("price", money(service.price()));
        s.put("currency", service.price().currency().getCurrencyCode());
        s.put("autoRenew", service.autoRenew());
        s.put("noticeDays", service.noticeDays());
        if (service.externalRef() != null) {
            s.put("reference", service.externalRef().id());
        }
        model.put("service", s);
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", customer.name());
        customer.taxId().ifPresent(t -> c.put("taxId", t));
        customer.address().ifPresent(a -> address(c, a));
        model.put("customer", c);
        if (contact != null) {
            Map<String, Object> person = new LinkedHashMap<>();
            person.put("name", contact.name());
            contact.jobTitle().ifPresent(j -> person.put("jobTitle", j));
            model.put("contact", person);
        }
        model.put("date", date.toString());
        try {
            template.execute(out, model).flush();
        } catch (MustacheException e) {
            throw new CrmException("The contract could not be rendered: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new CrmException("The contract could not be written: " + e.getMessage(), e);
        }
    }

    private static void address(Map<String, Object> values, Address a) {
        for (Map.Entry<String, String> e : List.of(Map.entry("street", Objects.toString(a.street(), "")),
                Map.entry("postalCode", Objects.toString(a.postalCode(), "")),
                Map.entry("city", Objects.toString(a.city(), "")),
                Map.entry("country", Objects.toString(a.country(), "")))) {
            if (!e.getValue().isEmpty()) {
                values.put(e.getKey(), e.getValue());
            }
        }
    }

    private String money(Money money) {
        int digits = Math.max(money.currency().getDefaultFractionDigits(), 0);
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format.format(money.amount());
    }

    @Override
    public String toString() {
        return "ContractDocuments[" + Objects.toString(template.getName()) + ", " + locale + "]";
    }
}
