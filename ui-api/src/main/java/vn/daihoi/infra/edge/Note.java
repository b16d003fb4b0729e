package vn.daihoi.infra.edge;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

/**
 * Free text that may span lines (a reason, notes): at most {@code max} characters; line breaks and tabs are
 * allowed, every other control character (NUL first of all) is refused.
 */
@Documented
@Constraint(validatedBy = Note.Check.class)
@Target({FIELD, METHOD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface Note {
    int max();

    String message() default "must be at most {max} characters without control characters other than line breaks";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<Note, String> {
        private int max;

        @Override
        public void initialize(Note a) {
            max = a.max();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || TextShape.fits(value, max, true);
        }
    }
}
