package org.crm4j.internal;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.MessageInterpolator;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.crm4j.CrmException;
import org.crm4j.ValidationException;
import org.crm4j.ValidationException.Violation;

/**
 * Runs Jakarta Bean Validation and turns every violation into a {@link Violation}. Messages
 * are built from the constraint's attributes, so no expression-language implementation is
 * needed at run time.
 */
public final class BeanValidation implements AutoCloseable {
    private final ValidatorFactory factory;
    private final Validator validator;

    /** Boots the Bean Validation provider found on the class path. */
    public BeanValidation() {
        try {
            this.factory = Validation.byDefaultProvider().configure()
                    .messageInterpolator(new AttributeInterpolator())
                    .buildValidatorFactory();
        } catch (jakarta.validation.ValidationException e) {
            throw new CrmException("No Jakarta Bean Validation provider could be started "
                    + "(crm-core needs Hibernate Validator on the class path)", e);
        }
        this.validator = factory.getValidator();
    }

    /**
     * @param object an annotated object
     * @return every violation, sorted by field, with the text rule every stored text obeys
     *     ({@link StoredValues})
     */
    public List<Violation> violations(Object object) {
        List<Violation> out = new ArrayList<>();
        for (ConstraintViolation<Object> v : validator.validate(object)) {
            String rule = v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
            out.add(new Violation(fieldOf(v.getPropertyPath()), rule, v.getMessage()));
        }
        out.addAll(StoredValues.violations(object));
        out.sort(Comparator.comparing(Violation::field).thenComparing(Violation::rule));
        return out;
    }

    /**
     * @param object an annotated object
     * @param more violations found by other checks, reported together
     * @throws ValidationException listing all of them, when there are any
     */
    public void check(Object object, List<Violation> more) {
        List<Violation> all = new ArrayList<>(violations(object));
        all.addAll(more);
        if (!all.isEmpty()) {
            throw new ValidationException(all);
        }
    }

    private static String fieldOf(Path path) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : path) {
            String name = node.getName();
            if (name == null || name.startsWith("<")) {
                continue;
            }
            if (field.length() > 0) {
                field.append('.');
            }
            field.append(name);
        }
        return field.toString();
    }

    @Override
    public void close() {
        factory.close();
    }

    /** Words the usual constraints from their attributes. */
    private static final class AttributeInterpolator implements MessageInterpolator {
        @Override
        public String interpolate(String template, Context context) {
            return interpolate(template, context, Locale.ROOT);
        }

        @Override
        public String interpolate(String template, Context context, Locale locale) {
            String type = context.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
            Map<String, Object> a = context.getConstraintDescriptor().getAttributes();
            return switch (type) {
                case "NotBlank" -> "must not be blank";
                case "NotNull" -> "must not be null";
                case "NotEmpty" -> "must not be empty";
                case "Size" -> sizeMessage(a, context.getValidatedValue());
                case "Min" -> "must be at least " + a.get("value");
                case "Max" -> "must be at most " + a.get("value");
                case "PositiveOrZero" -> "must not be negative";
                case "Positive" -> "must be greater than 0";
                case "Pattern" -> "must match " + a.get("regexp");
                default -> template;
            };
        }

        private static String sizeMessage(Map<String, Object> a, Object value) {
            int min = (Integer) a.get("min");
            int max = (Integer) a.get("max");
            String unit = value instanceof CharSequence ? " characters" : " elements";
            if (min == 0) {
                return "must have at most " + max + unit;
            }
            return "must have " + min + " to " + max + unit;
        }
    }
}
