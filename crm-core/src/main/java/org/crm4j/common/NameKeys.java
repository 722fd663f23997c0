package org.crm4j.common;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * How names are normalised for the duplicate check, so that {@code Müller GmbH},
 * {@code MULLER AG} and {@code Muller, S.A.} have the same key ({@code muller}).
 *
 * <p>The key is made in this order: letters with diacritics lose them ({@code ü} → {@code u},
 * {@code é} → {@code e}; {@code ß} → {@code ss}, {@code ø} → {@code o}, {@code æ} → {@code ae},
 * {@code œ} → {@code oe}, {@code ł} → {@code l}, {@code đ} → {@code d}, {@code þ} → {@code th});
 * lower case; every run of characters that are neither letters nor digits becomes one space; then
 * legal forms at the end of the name are removed, repeatedly (so {@code GmbH & Co. KG} goes
 * entirely), but never the name's last word: GmbH, AG, KG, OHG, UG, e.K., SE, Sp. z o.o., S.A.,
 * Oy, Oyj, AB, AS, A/S, ApS, Ltd, Limited, PLC, LLC, LLP, Inc, Incorporated, Corp, Corporation,
 * Co, Company, s.r.o., a.s., S.p.A., S.r.l., SARL, SAS, BV, NV, Kft., Zrt., d.o.o., with or without
 * their dots. Transliterations are not equated: {@code Müller} is {@code muller}, not
 * {@code mueller}.
 */
public final class NameKeys {
    /** The longest key kept; longer keys are cut. */
    public static final int MAX_LENGTH = 200;

    private static final List<List<String>> LEGAL_FORMS = legalForms(
            "gmbh", "ag", "kg", "ohg", "ug", "e k", "ek", "se", "sp z o o", "spzoo", "sp z oo", "s a", "sa", "oy",
            "oyj", "ab", "as", "a s", "aps", "ltd", "limited", "plc", "llc", "llp", "inc", "incorporated", "corp",
            "corporation", "co", "company", "s r o", "sro", "spa", "s p a", "s r l", "srl", "sarl", "s a r l",
            "sas", "s a s", "bv", "b v", "nv", "n v", "kft", "zrt", "d o o", "doo");

    private NameKeys() {
    }

    /**
     * @param name a customer's or prospect's name as written
     * @return its matching key, null for null or a name without letters or digits
     */
    public static String normalize(String name) {
        if (name == null) {
            return null;
        }
        String folded = fold(name);
        List<String> words = new ArrayList<>(Arrays.asList(folded.split("[^\\p{L}\\p{N}]+")));
        words.removeIf(String::isEmpty);
        if (words.isEmpty()) {
            return null;
        }
        boolean removed = true;
        while (removed) {
            removed = false;
            for (List<String> form : LEGAL_FORMS) {
                int from = words.size() - form.size();
                if (from >= 1 && words.subList(from, words.size()).equals(form)) {
                    words.subList(from, words.size()).clear();
                    removed = true;
                    break;
                }
            }
        }
        String key = String.join(" ", words);
        return key.length() > MAX_LENGTH ? key.substring(0, MAX_LENGTH).strip() : key;
    }

    private static String fold(String name) {
        StringBuilder special = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            switch (c) {
                case 'ß' -> special.append("ss");
                case 'ẞ' -> special.append("SS");
                case 'ø' -> special.append('o');
                case 'Ø' -> special.append('O');
                case 'æ' -> special.append("ae");
                case 'Æ' -> special.append("AE");
                case 'œ' -> special.append("oe");
                case 'Œ' -> special.append("OE");
                case 'ł' -> special.append('l');
                case 'Ł' -> special.append('L');
                case 'đ' -> special.append('d');
                case 'Đ' -> special.append('D');
                case 'þ' -> special.append("th");
                case 'Þ' -> special.append("TH");
                default -> special.append(c);
            }
        }
        return Normalizer.normalize(special, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT);
    }

    private static List<List<String>> legalForms(String... forms) {
        // longest first, so that the longest form a name ends with goes as a whole
        return Stream.of(forms).map(f -> List.of(f.split(" ")))
                .sorted((a, b) -> Integer.compare(b.size(), a.size()))
                .collect(Collectors.toUnmodifiableList());
    }
}
