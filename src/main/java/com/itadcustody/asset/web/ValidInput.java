package com.itadcustody.asset.web;

import com.itadcustody.asset.internal.AssetInput;
import com.itadcustody.shared.InputRejected;
import com.itadcustody.shared.InputRejected.Problem;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;

/** Validates an {@link AssetInput} built from another request shape with the same rules as a direct one. */
final class ValidInput {

    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    private ValidInput() {
    }

    static void check(AssetInput input) {
        Set<ConstraintViolation<AssetInput>> violations = VALIDATOR.validate(input);
        if (violations.isEmpty()) {
            return;
        }
        List<Problem> problems = violations.stream()
                .map(v -> new Problem(null, field(v), "invalid", v.getMessage()))
                .sorted(Comparator.comparing(Problem::field))
                .toList();
        throw new InputRejected(HttpStatus.BAD_REQUEST, "validation", "The request has invalid fields.", problems,
                problems.size());
    }

    static String field(ConstraintViolation<?> v) {
        return v.getPropertyPath().toString();
    }
}
