package com.itadcustody.shared;

import org.springframework.http.HttpStatus;

/**
 * A business rule refused the request. Answered as a ProblemDetail carrying the rule's name, the field (if
 * one is to blame) and the status (409 for a conflict with current state, 422 for a rule on the input).
 */
public class DomainRuleViolated extends RuntimeException {

    private final HttpStatus status;
    private final String rule;
    private final String field;

    public DomainRuleViolated(HttpStatus status, String rule, String field, String message) {
        super(message);
        this.status = status;
        this.rule = rule;
        this.field = field;
    }

    /** A 409 Conflict: the request is valid but conflicts with the current state. */
    public static DomainRuleViolated conflict(String rule, String field, String message) {
        return new DomainRuleViolated(HttpStatus.CONFLICT, rule, field, message);
    }

    /** A 422 Unprocessable Content: the input breaks a business rule. */
    public static DomainRuleViolated unprocessable(String rule, String field, String message) {
        return new DomainRuleViolated(HttpStatus.UNPROCESSABLE_ENTITY, rule, field, message);
    }

    public HttpStatus status() {
        return status;
    }

    public String rule() {
        return rule;
    }

    public String field() {
        return field;
    }
}
