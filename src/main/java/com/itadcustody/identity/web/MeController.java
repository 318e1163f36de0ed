package com.itadcustody.identity.web;

import com.itadcustody.identity.ApiToken;
import com.itadcustody.identity.ApiTokens;
import com.itadcustody.identity.IssuedApiToken;
import com.itadcustody.identity.User;
import com.itadcustody.identity.Users;
import com.itadcustody.shared.Actor;
import com.itadcustody.shared.CurrentActor;
import com.itadcustody.shared.NotFound;
import com.itadcustody.shared.Role;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own account and personal API tokens; every authenticated user may use it. */
@RestController
@RequestMapping("/api/v1/me")
@PreAuthorize("isAuthenticated()")
class MeController {

    private final Users users;
    private final ApiTokens apiTokens;
    private final CurrentActor currentActor;

    MeController(Users users, ApiTokens apiTokens, CurrentActor currentActor) {
        this.users = users;
        this.apiTokens = apiTokens;
        this.currentActor = currentActor;
    }

    @GetMapping
    Me me() {
        User user = caller();
        return new Me(user.id(), user.username(), user.displayName(), user.email(), user.roles(), user.vendorId());
    }

    @GetMapping("/tokens")
    List<ApiToken> tokens() {
        return apiTokens.list(caller().id());
    }

    @PostMapping("/tokens")
    ResponseEntity<NewToken> issue(@Valid @RequestBody IssueToken request) {
        IssuedApiToken issued = apiTokens.issue(caller().id(), request.name(), request.expiresInDays());
        ApiToken token = issued.token();
        return ResponseEntity.created(URI.create("/api/v1/me/tokens/" + token.id()))
                .body(new NewToken(token.id(), token.name(), token.prefix(), token.createdAt(), token.expiresAt(),
                        issued.secret()));
    }

    @DeleteMapping("/tokens/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@PathVariable UUID id) {
        apiTokens.revoke(caller().id(), id);
    }

    private User caller() {
        Actor actor = currentActor.get();
        if (actor.userId() == null) {
            throw new NotFound("user", actor.username());
        }
        return users.find(actor.userId()).orElseThrow(() -> new NotFound("user", actor.userId()));
    }

    /** The caller's account. */
    record Me(UUID id, String username, String displayName, String email, Set<Role> roles, UUID vendorId) {
    }

    /** A request for a new API token; without {@code expiresInDays} it lives 90 days. */
    record IssueToken(@NotBlank @Size(max = 100) String name,
            @Min(1) @Max(ApiTokens.MAX_LIFETIME_DAYS) Integer expiresInDays) {
    }

    /** A new API token: {@code token} is shown this once and cannot be retrieved later. */
    record NewToken(UUID id, String name, String prefix, Instant createdAt, Instant expiresAt, String token) {
    }
}
