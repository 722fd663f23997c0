package org.crm4j.internal.imports;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;

/**
 * Phone numbers as ERPs hold them, read with Google's libphonenumber: international or national
 * form, national numbers in the customer's country (the address's) unless they say otherwise.
 * Old data holds numbers that parse but are not valid under today's numbering plans; those are
 * kept, normalised, and said to be doubtful; what cannot be read as a number is left out.
 */
public final class Phones {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    /** What crm4j stores: E.164 with 8 to 15 digits. */
    private static final String E164 = "\\+[1-9][0-9]{7,14}";

    /**
     * @param e164 the number to store, or null when it is left out
     * @param doubt why it is doubtful or left out, or null when it is a valid number
     */
    public record Reading(String e164, String doubt) {
    }

    private Phones() {
    }

    /**
     * @param text a number as the source wrote it
     * @param region the ISO country code national numbers are read in, or null when unknown
     * @return the number to store and any doubt about it
     */
    public static Reading read(String text, String region) {
        Phonenumber.PhoneNumber number;
        try {
            number = UTIL.parse(text, region == null ? "ZZ" : region);
        } catch (NumberParseException e) {
            return new Reading(null, region == null && !text.strip().startsWith("+")
                    ? "left out: a national number, and the row has no country to read it in"
                    : "left out: not a phone number (" + e.getErrorType().name().toLowerCase().replace('_', ' ') + ")");
        }
        String e164 = UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
        if (!e164.matches(E164)) {
            return new Reading(null, "left out: " + e164 + " has too few or too many digits to be dialled");
        }
        if (UTIL.isValidNumber(number)) {
            return new Reading(e164, null);
        }
        if (UTIL.isPossibleNumber(number)) {
            return new Reading(e164, "stored as " + e164 + ", but it is not a valid number under today's numbering"
                    + " plan of " + UTIL.getRegionCodeForCountryCode(number.getCountryCode()));
        }
        return new Reading(null, "left out: " + e164 + " cannot be a number in "
                + UTIL.getRegionCodeForCountryCode(number.getCountryCode()));
    }
}
