package vn.daihoi.infra.edge;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

/**
 * A single line of text as a column can store it: at most {@code max} characters (the column's length, see
 * ADR 0014), no control character (NUL cannot be stored by PostgreSQL at all; a line break in a name or a
 * number would break every document that prints it), no unpaired surrogate. {@code null} is left to
 * {@code @NotNull}/{@code @NotBlank}.
 */
@Documented
@Constraint(validatedBy = Line.Check.class)
@Target({FIELD, METHOD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface Line {
    int max();

    /** For values hashed by bcrypt, which reads only the first 72 bytes. */
    int maxBytes() default Integer.MAX_VALUE;

    String message() default "must be one line of at most {max} characters without control characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<Line, String> {
        private int max;
        private int maxBytes;

        @Override
        public void initialize(Line a) {
            max = a.max();
            maxBytes = a.maxBytes();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || (TextShape.fits(value, max, false)
                    && (maxBytes == Integer.MAX_VALUE || value.getBytes(StandardCharsets.UTF_8).length <= maxBytes));
        }
    }
}
