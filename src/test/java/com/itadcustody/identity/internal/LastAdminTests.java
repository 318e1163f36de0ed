package com.itadcustody.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.itadcustody.identity.IdentityFixtures;
import com.itadcustody.identity.User;
import com.itadcustody.identity.UserChange;
import com.itadcustody.identity.Users;
import com.itadcustody.shared.Actor;
import com.itadcustody.shared.DomainRuleViolated;
import com.itadcustody.shared.Role;
import com.itadcustody.support.IntegrationTest;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The test database holds other administrators, so each test first disables them inside a transaction that is
 * rolled back at the end: nothing it does is seen by other tests.
 */
class LastAdminTests extends IntegrationTest {

    @Autowired
    Users users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void refusesToDemoteTheLastEnabledAdmin() {
        inRolledBackTransaction(() -> {
            User admin = onlyEnabledAdmin();

            assertThatThrownBy(() -> users.change(admin.id(), new UserChange(admin.displayName(), admin.email(),
                    Set.of(Role.COMPLIANCE), null, true), actor(admin)))
                    .isInstanceOfSatisfying(DomainRuleViolated.class, e -> {
                        assertThat(e.rule()).isEqualTo("last-admin");
                        assertThat(e.field()).isEqualTo("roles");
                        assertThat(e.status().value()).isEqualTo(409);
                    });
        });
    }

    @Test
    void refusesToDisableTheLastEnabledAdmin() {
        inRolledBackTransaction(() -> {
            User admin = onlyEnabledAdmin();

            assertThatThrownBy(() -> users.change(admin.id(), new UserChange(admin.displayName(), admin.email(),
                    admin.roles(), null, false), actor(admin)))
                    .isInstanceOfSatisfying(DomainRuleViolated.class, e -> {
                        assertThat(e.rule()).isEqualTo("last-admin");
                        assertThat(e.field()).isEqualTo("enabled");
                    });
        });
    }

    @Test
    void letsAnAdminStepDownWhenAnotherAdminRemains() {
        inRolledBackTransaction(() -> {
            User leaving = onlyEnabledAdmin();
            IdentityFixtures.createUser(users, Role.ADMIN, null);

            User changed = users.change(leaving.id(), new UserChange(leaving.displayName(), leaving.email(),
                    Set.of(Role.IT_STAFF), null, true), actor(leaving));

            assertThat(changed.roles()).containsExactly(Role.IT_STAFF);
        });
    }

    private User onlyEnabledAdmin() {
        User admin = IdentityFixtures.createUser(users, Role.ADMIN, null);
        jdbc.sql("update app_user set enabled = false where 'ADMIN' = any (roles) and id <> ?")
                .param(admin.id()).update();
        return admin;
    }

    private static Actor actor(User user) {
        return new Actor(user.id(), user.username(), user.roles(), null);
    }

    private void inRolledBackTransaction(Runnable test) {
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            try {
                test.run();
            } finally {
                status.setRollbackOnly();
            }
        });
    }
}
