package com.itadcustody.identity.web;

import com.itadcustody.identity.NewUser;
import com.itadcustody.identity.User;
import com.itadcustody.identity.UserChange;
import com.itadcustody.identity.Users;
import com.itadcustody.shared.CurrentActor;
import com.itadcustody.shared.NotFound;
import com.itadcustody.shared.PageResult;
import com.itadcustody.shared.Role;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** User administration for administrators: list, read, create, change, set passwords. */
@RestController
@RequestMapping("/api/v1/users")
@PreAuthorize("hasRole('ADMIN')")
class UsersController {

    private final Users users;
    private final CurrentActor currentActor;

    UsersController(Users users, CurrentActor currentActor) {
        this.users = users;
        this.currentActor = currentActor;
    }

    @GetMapping
    PageResult<UserResponse> list(@RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return users.list(page, size).map(UserResponse::of);
    }

    @GetMapping("/{id}")
    UserResponse get(@PathVariable UUID id) {
        return users.find(id).map(UserResponse::of).orElseThrow(() -> new NotFound("user", id));
    }

    @PostMapping
    ResponseEntity<UserResponse> create(@Valid @RequestBody CreateUser request) {
        User user = users.register(new NewUser(request.username(), request.displayName(), request.email(),
                request.password(), request.roles(), request.vendorId()), currentActor.get());
        return ResponseEntity.created(URI.create("/api/v1/users/" + user.id())).body(UserResponse.of(user));
    }

    @PutMapping("/{id}")
    UserResponse change(@PathVariable UUID id, @Valid @RequestBody ChangeUser request) {
        return UserResponse.of(users.change(id, new UserChange(request.displayName(), request.email(),
                request.roles(), request.vendorId(), request.enabled()), currentActor.get()));
    }

    @PostMapping("/{id}/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void setPassword(@PathVariable UUID id, @Valid @RequestBody SetPassword request) {
        users.changePassword(id, request.password(), currentActor.get());
    }

    /** A new user account; the password needs at least 12 characters. */
    record CreateUser(
            @NotBlank @Pattern(regexp = "[a-z0-9._-]{3,64}",
                    message = "3 to 64 characters of a-z, 0-9, '.', '_' and '-'") String username,
            @NotBlank @Size(max = 200) String displayName,
            @NotBlank @Email @Size(max = 320) String email,
            @NotBlank String password,
            @NotEmpty Set<@NotNull Role> roles,
            UUID vendorId) {

        @Override
        public String toString() {
            return "CreateUser[username=" + username + ", roles=" + roles + "]";
        }
    }

    /** The new state of an account's changeable fields. */
    record ChangeUser(
            @NotBlank @Size(max = 200) String displayName,
            @NotBlank @Email @Size(max = 320) String email,
            @NotEmpty Set<@NotNull Role> roles,
            UUID vendorId,
            @NotNull Boolean enabled) {
    }

    /** A new password, at least 12 characters. */
    record SetPassword(@NotBlank String password) {

        @Override
        public String toString() {
            return "SetPassword[***]";
        }
    }

    /** A user account as the API shows it (never the password hash). */
    record UserResponse(UUID id, String username, String displayName, String email, Set<Role> roles,
            UUID vendorId, boolean enabled, Instant createdAt, Instant updatedAt) {

        static UserResponse of(User user) {
            return new UserResponse(user.id(), user.username(), user.displayName(), user.email(), user.roles(),
                    user.vendorId(), user.enabled(), user.createdAt(), user.updatedAt());
        }
    }
}
