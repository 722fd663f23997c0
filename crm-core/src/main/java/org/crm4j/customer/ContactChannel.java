package org.crm4j.customer;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.crm4j.ValidationException;
import org.crm4j.common.Address;
import org.crm4j.common.EmailAddress;
import org.crm4j.common.PhoneNumber;

/**
 * One way of reaching a contact person. Build one with the factories, which check and normalise
 * the value: {@link #email}, {@link #phone}, {@link #messenger}, {@link #web}, {@link #postal}.
 *
 * @param type the kind of channel
 * @param value the normalised value (the address text for {@link ChannelType#POSTAL})
 * @param address the postal address, only for {@link ChannelType#POSTAL}
 * @param label an optional label such as {@code work} or {@code mobile}, at most 50 characters
 */
public record ContactChannel(ChannelType type, String value, Address address, String label) {

    /** @throws ValidationException when the value does not fit the type */
    public ContactChannel {
        if (type == null) {
            throw new ValidationException("channel.type", "NotNull", "a channel needs a type");
        }
        label = label == null || label.isBlank() ? null : label.strip();
        if (label != null && label.length() > 50) {
            throw new ValidationException("channel.label", "Size", "must be at most 50 characters");
        }
        switch (type) {
            case EMAIL -> value = new EmailAddress(value).value();
            case PHONE -> value = new PhoneNumber(value).value();
            case MESSENGER -> value = checkMessenger(value);
            case WEB -> value = checkWeb(value);
            case POSTAL -> {
                if (address == null) {
                    throw new ValidationException("channel.address", "NotNull", "a postal channel needs an address");
                }
                value = describe(address);
            }
        }
        if (type != ChannelType.POSTAL && address != null) {
            throw new ValidationException("channel.address", "Null", "only a postal channel has an address");
        }
    }

    /**
     * @param email the address
     * @param label e.g. {@code work}, may be null
     * @return the channel
     */
    public static ContactChannel email(EmailAddress email, String label) {
        return new ContactChannel(ChannelType.EMAIL, email.value(), null, label);
    }

    /**
     * @param email the address as text
     * @return the channel
     * @throws ValidationException when it is not an e-mail address
     */
    public static ContactChannel email(String email) {
        return email(EmailAddress.of(email), null);
    }

    /**
     * @param phone the number
     * @param label e.g. {@code mobile}, may be null
     * @return the channel
     */
    public static ContactChannel phone(PhoneNumber phone, String label) {
        return new ContactChannel(ChannelType.PHONE, phone.value(), null, label);
    }

    /**
     * @param phone a number in international form
     * @return the channel
     * @throws ValidationException when it is not a phone number
     */
    public static ContactChannel phone(String phone) {
        return phone(PhoneNumber.parse(phone), null);
    }

    /**
     * @param service the messenger, e.g. {@code signal}, {@code telegram}, {@code teams}
     * @param handle the handle there
     * @return the channel
     */
    public static ContactChannel messenger(String service, String handle) {
        ValidationException.requireNonNull(service, "channel.service");
        ValidationException.requireNonNull(handle, "channel.handle");
        return new ContactChannel(ChannelType.MESSENGER, service + ":" + handle, null, null);
    }

    /**
     * @param url an http or https address
     * @return the channel
     */
    public static ContactChannel web(String url) {
        return new ContactChannel(ChannelType.WEB, url, null, null);
    }

    /**
     * @param address the postal address
     * @param label e.g. {@code office}, may be null
     * @return the channel
     */
    public static ContactChannel postal(Address address, String label) {
        return new ContactChannel(ChannelType.POSTAL, null, address, label);
    }

    private static String checkMessenger(String value) {
        if (value == null || !value.matches("[A-Za-z0-9._-]{1,30}:\\S{1,200}")) {
            throw new ValidationException("channel.value", "Format",
                    "'" + value + "' is not a messenger handle (service:handle)");
        }
        int colon = value.indexOf(':');
        return value.substring(0, colon).toLowerCase(Locale.ROOT) + value.substring(colon);
    }

    private static String checkWeb(String value) {
        try {
            URI uri = new URI(value == null ? "" : value.strip());
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    || uri.getHost() == null || uri.toString().length() > 300) {
                throw new URISyntaxException(String.valueOf(value), "not an http(s) address");
            }
            return uri.toString();
        } catch (URISyntaxException e) {
            throw new ValidationException("channel.value", "Format", "'" + value + "' is not an http(s) address");
        }
    }

    private static String describe(Address a) {
        StringBuilder s = new StringBuilder();
        if (a.street() != null) {
            s.append(a.street()).append(", ");
        }
        if (a.postalCode() != null) {
            s.append(a.postalCode()).append(' ');
        }
        s.append(a.city()).append(", ").append(a.country());
        return s.toString();
    }
}
