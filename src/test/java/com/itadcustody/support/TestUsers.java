package com.itadcustody.support;

import com.itadcustody.identity.ApiTokens;
import com.itadcustody.identity.NewUser;
import com.itadcustody.identity.User;
import com.itadcustody.identity.Users;
import com.itadcustody.shared.Actor;
import com.itadcustody.shared.DomainRuleViolated;
import com.itadcustody.shared.Role;
import com.itadcustody.vendor.Vendor;
import com.itadcustody.vendor.Vendors;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Users and API tokens for tests that call the REST API as someone: one user per role (and one vendor user per
 * vendor organisation), created on first use and reused by every test class on the same application context (and
 * so the same database). Typical use in an {@link IntegrationTest}, table-driven:
 *
 * <pre>{@code
 * class LotAuthorizationTests extends IntegrationTest {
 *     @LocalServerPort int port;
 *     @Autowired TestUsers users;          // or: new TestUsers(users, apiTokens, vendors)
 *
 *     @ParameterizedTest
 *     @EnumSource(value = Role.class, names = {"IT_STAFF", "VERIFIER", "VENDOR"})
 *     void refusesLotCreationToOtherRoles(Role role) {
 *         var response = ApiClient.withToken(port, users.tokenFor(role)).post("/api/v1/lots", "{}");
 *         assertThat(response.status()).isEqualTo(403);
 *     }
 *
 *     @Test
 *     void showsAVendorOnlyItsOwnLots() {
 *         UUID greenCycle = users.vendorId("GreenCycle test");
 *         var vendor = ApiClient.withToken(port, users.tokenForVendor(greenCycle));
 *         ...
 *     }
 * }
 * }</pre>
 *
 * <p>Not a component: it is registered for injection by the nested {@link Registration} (picked up by the
 * application's component scan in every {@code @SpringBootTest}), and can as well be built by hand from the
 * identity and vendor APIs. Do not disable or demote the shared users it hands out; tests that need to change a
 * user should create their own (e.g. {@link #tokenForNewUser(Role)}).
 */
public final class TestUsers {

    /** The vendor organisation {@link #tokenFor(Role) tokenFor(VENDOR)} binds its user to. */
    public static final String DEFAULT_VENDOR = "Test Vendor Organisation";

    private static final String RUN = UUID.randomUUID().toString().substring(0, 6);
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    /**
     * The shared users and vendors, per application context (its {@link Users} bean): a test class with a database
     * of its own must not be handed another database's users.
     */
    private static final Map<Users, Shared> SHARED = new ConcurrentHashMap<>();

    private record Shared(Map<Role, Login> byRole, Map<UUID, Login> byVendor, Map<String, UUID> vendors) {

        Shared() {
            this(new ConcurrentHashMap<>(), new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
        }
    }

    private final Users users;
    private final ApiTokens apiTokens;
    private final Vendors vendors;

    /** Builds the helper from the identity and vendor module APIs (e.g. autowired into the test). */
    public TestUsers(Users users, ApiTokens apiTokens, Vendors vendors) {
        this.users = users;
        this.apiTokens = apiTokens;
        this.vendors = vendors;
    }

    /** Builds the helper from a running application context. */
    public static TestUsers from(ApplicationContext context) {
        return new TestUsers(context.getBean(Users.class), context.getBean(ApiTokens.class),
                context.getBean(Vendors.class));
    }

    /**
     * A bearer token of the shared user holding just this role, created on first call; for {@link Role#VENDOR}
     * the user belongs to {@link #DEFAULT_VENDOR}.
     */
    public String tokenFor(Role role) {
        return login(role).token();
    }

    /** The id of the shared user behind {@link #tokenFor(Role)}, e.g. to compare with a record's creator. */
    public UUID userId(Role role) {
        return login(role).userId();
    }

    /** A bearer token of a VENDOR user of the given organisation (one shared user per organisation). */
    public String tokenForVendor(UUID vendorId) {
        return shared().byVendor().computeIfAbsent(vendorId,
                id -> create("test.vendor", Set.of(Role.VENDOR), id)).token();
    }

    /**
     * The id of the vendor organisation with this name, registering it on first use; the same name gives the
     * same id on the same application context.
     */
    public UUID vendorId(String name) {
        return shared().vendors().computeIfAbsent(name, this::registerOrFind);
    }

    /** A bearer token of a brand-new user with this role (a different person on every call: four-eyes tests). */
    public String tokenForNewUser(Role role) {
        UUID vendorId = role == Role.VENDOR ? vendorId(DEFAULT_VENDOR) : null;
        return create("test.new." + slug(role), Set.of(role), vendorId).token();
    }

    private Login login(Role role) {
        if (role == Role.VENDOR) {
            UUID vendorId = vendorId(DEFAULT_VENDOR);
            return shared().byRole().computeIfAbsent(role, r -> shared().byVendor().computeIfAbsent(vendorId,
                    id -> create("test.vendor", Set.of(Role.VENDOR), id)));
        }
        return shared().byRole().computeIfAbsent(role, r -> create("test." + slug(r), Set.of(r), null));
    }

    private Shared shared() {
        return SHARED.computeIfAbsent(users, u -> new Shared());
    }

    private Login create(String prefix, Set<Role> roles, UUID vendorId) {
        String username = prefix + "." + RUN + "-" + SEQUENCE.incrementAndGet();
        User user = users.register(new NewUser(username, "Test user " + username,
                username + "@test.itadcustody.invalid", "test-password-" + UUID.randomUUID(), roles, vendorId),
                Actor.system());
        String token = apiTokens.issue(user.id(), "tests", 1).secret();
        return new Login(user.id(), token);
    }

    private UUID registerOrFind(String name) {
        try {
            return vendors.register(name, Actor.system()).id();
        } catch (DomainRuleViolated taken) {
            return vendors.list().stream()
                    .filter(vendor -> vendor.name().equals(name))
                    .map(Vendor::id)
                    .findFirst()
                    .orElseThrow(() -> taken);
        }
    }

    private static String slug(Role role) {
        return role.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private record Login(UUID userId, String token) {
    }

    /** Makes {@link TestUsers} injectable with {@code @Autowired} in Spring Boot tests. */
    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        TestUsers testUsers(Users users, ApiTokens apiTokens, Vendors vendors) {
            return new TestUsers(users, apiTokens, vendors);
        }
    }
}
