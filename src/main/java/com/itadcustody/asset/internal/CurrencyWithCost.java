package com.itadcustody.asset.internal;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** An asset with a purchase cost names its currency; the violation is reported on the field {@code currency}. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = CurrencyWithCost.Validator.class)
public @interface CurrencyWithCost {

    String message() default "is required when purchaseCost is given";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Reports a cost without a currency on the currency field. */
    class Validator implements ConstraintValidator<CurrencyWithCost, AssetInput> {
        @Override
        public boolean isValid(AssetInput input, ConstraintValidatorContext context) {
            if (input == null || input.purchaseCost() == null || input.currency() != null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode("currency").addConstraintViolation();
            return false;
        }
    }
}
