package com.itadcustody.console.admin;

import com.itadcustody.shared.DomainRuleViolated;
import java.util.Set;
import org.springframework.validation.BindingResult;

/** Small helpers the admin forms share. */
final class Forms {

    private Forms() {
    }

    /**
     * Shows a rule's refusal next to the field it names when the form has that field, else as the form's own error
     * (shown above the form).
     */
    static void reject(BindingResult errors, DomainRuleViolated refused, Set<String> fields) {
        String rule = refused.rule() == null ? "refused" : refused.rule();
        if (refused.field() != null && fields.contains(refused.field())) {
            errors.rejectValue(refused.field(), rule, refused.getMessage());
        } else {
            errors.reject(rule, refused.getMessage());
        }
    }

    /** The usernames of the users who made these changes, by user id (one query for the page). */
    static java.util.Map<java.util.UUID, String> authors(com.itadcustody.identity.Users users,
            java.util.List<com.itadcustody.retirement.SettingChange> changes) {
        java.util.Set<java.util.UUID> ids = new java.util.HashSet<>();
        changes.forEach(c -> {
            if (c.changedBy() != null) {
                ids.add(c.changedBy());
            }
        });
        java.util.Map<java.util.UUID, String> names = new java.util.HashMap<>();
        users.findAll(ids).forEach(u -> names.put(u.id(), u.username()));
        return names;
    }

    /** The page number asked for, never negative. */
    static int page(Integer page) {
        return page == null || page < 0 ? 0 : page;
    }
}
