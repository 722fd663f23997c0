package org.crm4j.common;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Countries as ERPs write them, turned into ISO 3166-1 alpha-2 codes: the code itself ({@code DE}),
 * the alpha-3 code ({@code DEU}, {@code USA}), the English name ({@code Germany}), the name in the
 * locales given (the host's, e.g. {@code Deutschland}, {@code Allemagne}), and the everyday names
 * the standard lists differently ({@code UK}, {@code Great Britain}, {@code Holland},
 * {@code South Korea}, {@code Czech Republic}, {@code Turkey} ...). Case, accents, dots and extra
 * spaces do not matter.
 *
 * <pre>{@code
 * Countries.code("Germany")                         // Optional[DE]
 * Countries.code("Österreich", Locale.GERMAN)       // Optional[AT]
 * Countries.code("Atlantis")                        // Optional.empty
 * }</pre>
 */
public final class Countries {
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("uk", "GB"), Map.entry("great britain", "GB"), Map.entry("britain", "GB"),
            Map.entry("england", "GB"), Map.entry("scotland", "GB"), Map.entry("wales", "GB"),
            Map.entry("northern ireland", "GB"), Map.entry("united states of america", "US"),
            Map.entry("america", "US"), Map.entry("holland", "NL"), Map.entry("the netherlands", "NL"),
            Map.entry("south korea", "KR"), Map.entry("korea", "KR"), Map.entry("republic of korea", "KR"),
            Map.entry("north korea", "KP"), Map.entry("czech republic", "CZ"), Map.entry("czechia", "CZ"),
            Map.entry("turkey", "TR"), Map.entry("turkiye", "TR"), Map.entry("russia", "RU"),
            Map.entry("vietnam", "VN"), Map.entry("ivory coast", "CI"), Map.entry("macedonia", "MK"),
            Map.entry("swaziland", "SZ"), Map.entry("burma", "MM"), Map.entry("uae", "AE"),
            Map.entry("vatican", "VA"), Map.entry("taiwan", "TW"), Map.entry("iran", "IR"),
            Map.entry("syria", "SY"), Map.entry("laos", "LA"), Map.entry("moldova", "MD"),
            Map.entry("bolivia", "BO"), Map.entry("venezuela", "VE"), Map.entry("tanzania", "TZ"),
            // Java names these with a qualifier ("Hong Kong SAR China", "Congo - Kinshasa"); ERPs do not
            Map.entry("hong kong", "HK"), Map.entry("macao", "MO"), Map.entry("macau", "MO"),
            Map.entry("myanmar", "MM"), Map.entry("cote d'ivoire", "CI"), Map.entry("cote d\u2019ivoire", "CI"),
            Map.entry("democratic republic of the congo", "CD"), Map.entry("dr congo", "CD"),
            Map.entry("republic of the congo", "CG"), Map.entry("congo", "CG"), Map.entry("east timor", "TL"),
            Map.entry("palestine", "PS"), Map.entry("cabo verde", "CV"), Map.entry("eswatini", "SZ"),
            Map.entry("north macedonia", "MK"), Map.entry("vatican city", "VA"));
    private static final Map<Locale, Map<String, String>> BY_LOCALE = new ConcurrentHashMap<>();
    private static volatile Map<String, String> base;

    private Countries() {
    }

    /**
     * @param text a country as an ERP wrote it
     * @param locales the languages whose names are accepted beside English (e.g. the host's)
     * @return its ISO 3166-1 alpha-2 code, if it is a country crm4j knows by that name
     */
    public static Optional<String> code(String text, Locale... locales) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String key = key(text);
        String code = base().get(key);
        for (int i = 0; code == null && i < locales.length; i++) {
            if (locales[i] != null) {
                code = BY_LOCALE.computeIfAbsent(locales[i], Countries::names).get(key);
            }
        }
        return Optional.ofNullable(code);
    }

    private static Map<String, String> base() {
        Map<String, String> known = base;
        if (known == null) {
            Map<String, String> b = new HashMap<>();
            for (String cc : Locale.getISOCountries()) {
                Locale country = new Locale("", cc);
                b.put(key(cc), cc);
                try {
                    b.put(key(country.getISO3Country()), cc);
                } catch (java.util.MissingResourceException e) {
                    // no alpha-3 code known for it
                }
            }
            b.putAll(names(Locale.ENGLISH));
            ALIASES.forEach((name, cc) -> b.put(key(name), cc));
            known = Map.copyOf(b);
            base = known;
        }
        return known;
    }

    private static Map<String, String> names(Locale language) {
        Map<String, String> out = new HashMap<>();
        for (String cc : Locale.getISOCountries()) {
            String name = new Locale("", cc).getDisplayCountry(language);
            if (!name.isBlank() && !name.equals(cc)) {
                out.put(key(name), cc);
            }
        }
        return out;
    }

    private static String key(String text) {
        String plain = Normalizer.normalize(text.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replace(".", "").replace("&", "and").replaceAll("\\s+", " ").strip();
    }
}
