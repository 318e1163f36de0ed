package com.itadcustody.console.admin;

import com.itadcustody.identity.User;
import com.itadcustody.shared.Role;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * The user form of the admin pages, with the REST API's checks ({@code POST/PUT /api/v1/users}); the identity
 * module's rules (password length, vendor users) apply on top. The username and password are used only when a user
 * is created.
 */
public class UserForm {

    /** Fields a refusal of the identity module may name. */
    static final Set<String> FIELDS = Set.of("username", "displayName", "email", "password", "roles", "vendorId",
            "enabled");

    @Pattern(regexp = "[a-z0-9._-]{3,64}", message = "3 to 64 characters of a-z, 0-9, '.', '_' and '-'.",
            groups = Create.class)
    @NotBlank(message = "Enter a username.", groups = Create.class)
    private String username;
    @NotBlank(message = "Enter the name shown to people.")
    @Size(max = 200, message = "At most 200 characters.")
    private String displayName;
    @NotBlank(message = "Enter an email address.")
    @Email(message = "Enter a valid email address, e.g. name@example.com.")
    @Size(max = 320, message = "At most 320 characters.")
    private String email;
    @NotBlank(message = "Enter an initial password (at least 12 characters).", groups = Create.class)
    private String password;
    @NotEmpty(message = "Choose at least one role.")
    private Set<Role> roles = EnumSet.noneOf(Role.class);
    private UUID vendorId;
    private boolean enabled = true;

    /** Validation group of the fields only a new user has. */
    interface Create {
    }

    /** The form filled with a user's current values. */
    static UserForm of(User user) {
        UserForm form = new UserForm();
        form.username = user.username();
        form.displayName = user.displayName();
        form.email = user.email();
        form.roles = user.roles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(user.roles());
        form.vendorId = user.vendorId();
        form.enabled = user.enabled();
        return form;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public Set<Role> getRoles() {
        return roles;
    }

    public void setRoles(Set<Role> roles) {
        this.roles = roles == null ? EnumSet.noneOf(Role.class) : roles;
    }

    public UUID getVendorId() {
        return vendorId;
    }

    public void setVendorId(UUID vendorId) {
        this.vendorId = vendorId;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public String toString() {
        return "UserForm[username=" + username + ", roles=" + roles + "]";
    }
}
