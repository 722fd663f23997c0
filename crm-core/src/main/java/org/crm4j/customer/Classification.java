package org.crm4j.customer;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.crm4j.ValidationException;
import org.crm4j.ValidationException.Violation;

/**
 * How a customer is rated and classified (R4): a rating such as {@code A}, {@code B},
 * {@code C} and free categories such as {@code reseller} or {@code public-sector}.
 *
 * @param rating the rating, 1 to 10 characters, or {@code null} when not rated
 * @param categories the categories, each 1 to 50 characters
 */
public record Classification(String rating, Set<String> categories) {
    /** No rating and no categories. */
    public static final Classification NONE = new Classification(null, Set.of());

    /** @throws ValidationException listing every malformed part */
    public Classification {
        List<Violation> violations = new ArrayList<>();
        if (rating != null) {
            rating = rating.strip();
            if (rating.isEmpty()) {
                rating = null;
            } else if (rating.length() > 10) {
                violations.add(new Violation("classification.rating", "Size", "must be at most 10 characters"));
            }
        }
        TreeSet<String> clean = new TreeSet<>();
        if (categories != null) {
            for (String category : categories) {
                if (category == null || category.isBlank()) {
                    violations.add(new Violation("classification.categories", "NotBlank", "a category cannot be blank"));
                } else if (category.strip().length() > 50) {
                    violations.add(new Violation("classification.categories", "Size", "a category must be at most 50 characters"));
                } else {
                    clean.add(category.strip());
                }
            }
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        categories = Set.copyOf(clean);
    }

    /**
     * @param rating the rating
     * @param categories the categories
     * @return the classification
     */
    public static Classification of(String rating, String... categories) {
        return new Classification(rating, Set.of(categories));
    }
}
