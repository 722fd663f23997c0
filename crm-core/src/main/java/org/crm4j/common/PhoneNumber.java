package org.crm4j.common;

import org.crm4j.ValidationException;

/**
 * A telephone number in E.164 form: {@code +} followed by the country calling code and the
 * subscriber number, 8 to 15 digits in all, no separators (e.g. {@code +4930123456}).
 * {@link #parse(String)} accepts the usual ways people write numbers (spaces, dashes, dots,
 * brackets, a leading {@code 00}); {@link #parse(String, String)} also accepts a national number
 * with a trunk prefix when the country calling code is known.
 *
 * @param value the number in E.164 form
 */
public record PhoneNumber(String value) {

    /** @throws ValidationException when the value is not in E.164 form */
    public PhoneNumber {
        if (value == null || value.isBlank()) {
            throw new ValidationException("phone", "NotBlank", "a phone number is required");
        }
        if (!value.matches("\\+[1-9][0-9]{7,14}")) {
            throw new ValidationException("phone", "Format",
                    "'" + value + "' is not an E.164 phone number (+ and 8 to 15 digits)");
        }
    }

    /**
     * @param text a number in international form, e.g. {@code +49 (30) 123-456} or {@code 0049 30 123456}
     * @return the number in E.164 form
     * @throws ValidationException when it is not an international number
     */
    public static PhoneNumber parse(String text) {
        String digits = strip(text);
        if (digits.startsWith("00")) {
            digits = "+" + digits.substring(2);
        }
        if (!digits.startsWith("+")) {
            throw new ValidationException("phone", "Format",
                    "'" + text + "' has no country calling code (start it with + or 00)");
        }
        return new PhoneNumber(digits);
    }

    /**
     * @param text a number in international or national form, e.g. {@code 030 123456}
     * @param countryCallingCode the calling code to use for a national number, e.g. {@code 49}
     * @return the number in E.164 form
     * @throws ValidationException when it is not a phone number
     */
    public static PhoneNumber parse(String text, String countryCallingCode) {
        if (countryCallingCode == null || !countryCallingCode.matches("[1-9][0-9]{0,2}")) {
            throw new ValidationException("phone", "Format",
                    "'" + countryCallingCode + "' is not a country calling code (1 to 3 digits)");
        }
        String digits = strip(text);
        if (digits.startsWith("+") || digits.startsWith("00")) {
            return parse(text);
        }
        if (digits.startsWith("0")) {
            digits = digits.substring(1);
        }
        return new PhoneNumber("+" + countryCallingCode + digits);
    }

    private static String strip(String text) {
        if (text == null || text.isBlank()) {
            throw new ValidationException("phone", "NotBlank", "a phone number is required");
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isDigit(c) && c < 128) {
                out.append(c);
            } else if (c == '+' && out.length() == 0) {
                out.append(c);
            } else if (" -./()\u00a0".indexOf(c) < 0) {
                throw new ValidationException("phone", "Format", "'" + text + "' is not a phone number");
            }
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return value;
    }
}
