package com.itadcustody.notification;

import com.itadcustody.identity.ApiTokens;
import com.itadcustody.identity.NewUser;
import com.itadcustody.identity.User;
import com.itadcustody.identity.UserChange;
import com.itadcustody.identity.Users;
import com.itadcustody.shared.Actor;
import com.itadcustody.shared.Role;
import com.itadcustody.support.ApiClient;
import com.itadcustody.support.IntegrationTest;
import com.itadcustody.support.TestDatabase;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the notification tests: the whole service on a database of its own (so the recipients are exactly the
 * users these tests make) with SMTP pointed at a real {@link MailServer}, a quick outbox poll and short backoffs.
 * Every subclass shares this one context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class MailIntegrationTest {

    /** The public address the links are built from (the tests call their paths on the local port). */
    public static final String PUBLIC_URL = "https://itad.example.test";
    /** The SMTP server of the tests' context. */
    protected static final MailServer SMTP = MailServer.start();

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        IntegrationTest.useDatabase(registry, TestDatabase.fresh());
        registry.add("itad.public-url", () -> PUBLIC_URL + "/");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", SMTP::port);
        registry.add("spring.mail.properties.mail.smtp.starttls.enable", () -> "false");
        registry.add("spring.mail.properties.mail.smtp.connectiontimeout", () -> "2000");
        registry.add("itad.notification.from", () -> "ITAD Custody <itad@example.test>");
        registry.add("itad.notification.poll-interval", () -> "PT0.2S");
        registry.add("itad.notification.initial-backoff", () -> "PT0.3S");
        registry.add("itad.notification.max-backoff", () -> "PT1S");
        registry.add("itad.notification.max-attempts", () -> "1000");
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected Users users;

    @Autowired
    protected ApiTokens apiTokens;

    /** A user with a role (and vendor) and its API client. */
    protected record Person(User user, ApiClient api) {
        String email() {
            return user.email();
        }
    }

    /** Registers an enabled user with this role and an address of its own. */
    protected Person person(Role role, UUID vendorId) {
        String name = role.name().toLowerCase().replace('_', '-') + "-" + UUID.randomUUID().toString().substring(0, 8);
        User user = users.register(new NewUser(name, "Mail test " + name, name + "@mail.example.test",
                "test-password-" + UUID.randomUUID(), Set.of(role), vendorId), Actor.system());
        return new Person(user, ApiClient.withToken(port, apiTokens.issue(user.id(), "tests", 1).secret()));
    }

    /** Registers a user with this role and disables it: it must never get mail. */
    protected User disabled(Role role) {
        User user = person(role, null).user();
        return users.change(user.id(), new UserChange(user.displayName(), user.email(), user.roles(), null, false),
                Actor.system());
    }
}
