package com.itadcustody.console.admin;

import com.itadcustody.vendor.VendorCertification;
import com.itadcustody.vendor.VendorContact;
import com.itadcustody.vendor.VendorSite;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Set;
import org.springframework.validation.Errors;

/**
 * The forms of the vendor pages, with the checks of the REST API's requests ({@code /api/v1/vendors}); the vendor
 * module's own rules (e-mail and phone formats, country codes, the validity period) apply on top.
 */
public final class VendorForms {

    private VendorForms() {
    }

    /** A vendor organisation's name. */
    public static class NameForm {

        static final Set<String> FIELDS = Set.of("name");

        @NotBlank(message = "Enter the organisation's name.")
        @Size(max = 200, message = "At most 200 characters.")
        private String name;

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }
    }

    /** A contact at a vendor. */
    public static class ContactForm {

        static final Set<String> FIELDS = Set.of("name", "function", "email", "phone");

        @NotBlank(message = "Enter the person's name.")
        @Size(max = 200, message = "At most 200 characters.")
        private String name;
        @Size(max = 200, message = "At most 200 characters.")
        private String function;
        @NotBlank(message = "Enter an email address.")
        @Email(message = "Enter a valid email address, e.g. name@example.com.")
        @Size(max = 320, message = "At most 320 characters.")
        private String email;
        @Size(max = 50, message = "At most 50 characters.")
        private String phone;
        private boolean notifications;

        VendorContact.Details details() {
            return new VendorContact.Details(name, blankToNull(function), email, blankToNull(phone), notifications);
        }

        static ContactForm of(VendorContact contact) {
            ContactForm form = new ContactForm();
            form.name = contact.name();
            form.function = contact.function();
            form.email = contact.email();
            form.phone = contact.phone();
            form.notifications = contact.notifications();
            return form;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getFunction() {
            return function;
        }

        public void setFunction(String function) {
            this.function = function;
        }

        public String getEmail() {
            return email;
        }

        public void setEmail(String email) {
            this.email = email;
        }

        public String getPhone() {
            return phone;
        }

        public void setPhone(String phone) {
            this.phone = phone;
        }

        public boolean isNotifications() {
            return notifications;
        }

        public void setNotifications(boolean notifications) {
            this.notifications = notifications;
        }
    }

    /** A site of a vendor. */
    public static class SiteForm {

        static final Set<String> FIELDS = Set.of("name", "address", "country");

        @NotBlank(message = "Enter the site's name.")
        @Size(max = 200, message = "At most 200 characters.")
        private String name;
        @NotBlank(message = "Enter the postal address.")
        @Size(max = 1000, message = "At most 1000 characters.")
        private String address;
        @NotBlank(message = "Enter the two-letter country code, e.g. DE.")
        @Size(min = 2, max = 2, message = "Two letters (ISO 3166-1), e.g. DE.")
        private String country;
        private boolean r2Facility;

        VendorSite.Details details() {
            return new VendorSite.Details(name, address, country, r2Facility);
        }

        static SiteForm of(VendorSite site) {
            SiteForm form = new SiteForm();
            form.name = site.name();
            form.address = site.address();
            form.country = site.country();
            form.r2Facility = site.r2Facility();
            return form;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getAddress() {
            return address;
        }

        public void setAddress(String address) {
            this.address = address;
        }

        public String getCountry() {
            return country;
        }

        public void setCountry(String country) {
            this.country = country;
        }

        public boolean isR2Facility() {
            return r2Facility;
        }

        public void setR2Facility(boolean r2Facility) {
            this.r2Facility = r2Facility;
        }
    }

    /** A certification of a vendor. */
    public static class CertificationForm {

        static final Set<String> FIELDS = Set.of("scheme", "certificateId", "issuer", "validFrom", "validUntil",
                "scope");

        @NotBlank(message = "Choose the scheme.")
        @Size(max = 50, message = "At most 50 characters.")
        private String scheme;
        @NotBlank(message = "Enter the certificate's id at its issuer.")
        @Size(max = 100, message = "At most 100 characters.")
        private String certificateId;
        @NotBlank(message = "Enter the certification body.")
        @Size(max = 200, message = "At most 200 characters.")
        private String issuer;
        private String validFrom;
        private String validUntil;
        @Size(max = 2000, message = "At most 2000 characters.")
        private String scope;

        static CertificationForm of(VendorCertification c) {
            CertificationForm form = new CertificationForm();
            form.scheme = c.scheme();
            form.certificateId = c.certificateId();
            form.issuer = c.issuer();
            form.validFrom = c.validFrom().toString();
            form.validUntil = c.validUntil().toString();
            form.scope = c.scope();
            return form;
        }

        /** The first valid day, or null after rejecting the field. */
        LocalDate from(Errors errors) {
            return date(errors, "validFrom", validFrom);
        }

        /** The last valid day, or null after rejecting the field. */
        LocalDate until(Errors errors) {
            return date(errors, "validUntil", validUntil);
        }

        private static LocalDate date(Errors errors, String field, String text) {
            if (text == null || text.isBlank()) {
                errors.rejectValue(field, "required", "Enter a date (YYYY-MM-DD).");
                return null;
            }
            try {
                return LocalDate.parse(text.strip());
            } catch (DateTimeParseException e) {
                errors.rejectValue(field, "date-format", "Enter a date as YYYY-MM-DD, e.g. 2027-03-31.");
                return null;
            }
        }

        String scopeOrNull() {
            return blankToNull(scope);
        }

        public String getScheme() {
            return scheme;
        }

        public void setScheme(String scheme) {
            this.scheme = scheme;
        }

        public String getCertificateId() {
            return certificateId;
        }

        public void setCertificateId(String certificateId) {
            this.certificateId = certificateId;
        }

        public String getIssuer() {
            return issuer;
        }

        public void setIssuer(String issuer) {
            this.issuer = issuer;
        }

        public String getValidFrom() {
            return validFrom;
        }

        public void setValidFrom(String validFrom) {
            this.validFrom = validFrom;
        }

        public String getValidUntil() {
            return validUntil;
        }

        public void setValidUntil(String validUntil) {
            this.validUntil = validUntil;
        }

        public String getScope() {
            return scope;
        }

        public void setScope(String scope) {
            this.scope = scope;
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
