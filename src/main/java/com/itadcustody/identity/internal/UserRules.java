package com.itadcustody.identity.internal;

import com.itadcustody.shared.DomainRuleViolated;
import com.itadcustody.shared.Role;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/** The rules a user account must keep, whoever creates or changes it (web, demo data, tests). */
final class UserRules {

    static final Pattern USERNAME = Pattern.compile("[a-z0-9._-]{3,64}");
    static final int MIN_PASSWORD_LENGTH = 12;
    /** bcrypt only looks at the first 72 bytes; longer passwords would be silently cut. */
    static final int MAX_PASSWORD_BYTES = 72;
    static final int MAX_TEXT_LENGTH = 200;
    static final int MAX_EMAIL_LENGTH = 320;

    private UserRules() {
    }

    static void checkUsername(String username) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw DomainRuleViolated.unprocessable("username-format", "username",
                    "A username has 3 to 64 characters of a-z, 0-9, '.', '_' and '-'.");
        }
    }

    static void checkProfile(String displayName, String email) {
        if (displayName == null || displayName.isBlank() || displayName.length() > MAX_TEXT_LENGTH) {
            throw DomainRuleViolated.unprocessable("display-name-required", "displayName",
                    "A user needs a display name of at most " + MAX_TEXT_LENGTH + " characters.");
        }
        if (email == null || email.isBlank() || email.length() > MAX_EMAIL_LENGTH || !email.contains("@")) {
            throw DomainRuleViolated.unprocessable("email-required", "email", "A user needs an email address.");
        }
    }

    static void checkPassword(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_PASSWORD_LENGTH) {
            throw DomainRuleViolated.unprocessable("password-too-short", "password",
                    "A password has at least " + MIN_PASSWORD_LENGTH + " characters.");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw DomainRuleViolated.unprocessable("password-too-long", "password",
                    "A password has at most " + MAX_PASSWORD_BYTES + " bytes (UTF-8).");
        }
    }

    /** A user holds at least one role; a vendor user holds VENDOR alone and exactly one vendor. */
    static void checkRoles(Set<Role> roles, UUID vendorId) {
        if (roles == null || roles.isEmpty()) {
            throw DomainRuleViolated.unprocessable("roles-required", "roles", "A user holds at least one role.");
        }
        if (roles.contains(Role.VENDOR)) {
            if (roles.size() > 1) {
                throw DomainRuleViolated.unprocessable("vendor-role-alone", "roles",
                        "A vendor user holds the VENDOR role and no other.");
            }
            if (vendorId == null) {
                throw DomainRuleViolated.unprocessable("vendor-required", "vendorId",
                        "A VENDOR user must belong to a vendor organisation.");
            }
        } else if (vendorId != null) {
            throw DomainRuleViolated.unprocessable("vendor-only-for-vendor-role", "vendorId",
                    "Only VENDOR users belong to a vendor organisation.");
        }
    }
}
