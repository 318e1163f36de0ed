package com.itadcustody.notification.internal;

import com.itadcustody.identity.User;
import com.itadcustody.identity.Users;
import com.itadcustody.shared.Role;
import com.itadcustody.vendor.Vendors;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Who gets which mail: addresses from the identity and vendor modules, each once (case-insensitively). */
@Component
class Recipients {

    private final Users users;
    private final Vendors vendors;

    Recipients(Users users, Vendors vendors) {
        this.users = users;
        this.vendors = vendors;
    }

    /**
     * The vendor's contacts flagged for notifications; a vendor that has none flagged hears through the e-mail
     * addresses of its enabled VENDOR users instead, so a lot ready for pickup never goes unannounced.
     */
    List<String> ofVendor(UUID vendorId) {
        List<String> contacts = distinct(vendors.notificationContacts(vendorId));
        if (!contacts.isEmpty()) {
            return contacts;
        }
        return distinct(users.withRole(Role.VENDOR).stream().filter(u -> vendorId.equals(u.vendorId()))
                .map(User::email).toList());
    }

    /** The e-mail addresses of the enabled users holding this role. */
    List<String> withRole(Role role) {
        return distinct(users.withRole(role).stream().map(User::email).toList());
    }

    private static List<String> distinct(List<String> addresses) {
        Map<String, String> byLowerCase = new LinkedHashMap<>();
        for (String address : addresses) {
            if (address != null && !address.isBlank()) {
                byLowerCase.putIfAbsent(address.strip().toLowerCase(Locale.ROOT), address.strip());
            }
        }
        return new ArrayList<>(byLowerCase.values());
    }
}
