package com.itadcustody.identity.web;

import static com.itadcustody.identity.IdentityFixtures.GOOD_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import com.itadcustody.identity.IdentityFixtures;
import com.itadcustody.identity.User;
import com.itadcustody.identity.Users;
import com.itadcustody.shared.Role;
import com.itadcustody.support.IntegrationTest;
import com.itadcustody.support.TestUsers;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

class CamundaWebappAccessTests extends IntegrationTest {

    static final String COCKPIT = "/camunda/app/cockpit/default/";

    @LocalServerPort
    int port;

    @Autowired
    Users users;

    @Autowired
    TestUsers testUsers;

    @Test
    void letsAnAdministratorsSessionIntoCockpitWithoutAnotherLogin() {
        Browser browser = signedIn(Role.ADMIN);

        HttpResponse<String> cockpit = browser.get(COCKPIT);

        assertThat(cockpit.statusCode()).isEqualTo(200);
        assertThat(cockpit.body()).contains("Camunda Cockpit");
        HttpResponse<String> camundaLogin = browser.get("/camunda/api/admin/auth/user/default");
        assertThat(camundaLogin.statusCode()).isEqualTo(200);
        assertThat(camundaLogin.body()).contains("cockpit");
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = "ADMIN", mode = EnumSource.Mode.EXCLUDE)
    void forbidsCockpitToOtherRoles(Role role) {
        Browser browser = signedIn(role);

        assertThat(browser.get(COCKPIT).statusCode()).isEqualTo(403);
        assertThat(browser.get("/camunda/api/engine/engine/default/process-definition/count").statusCode())
                .isEqualTo(403);
    }

    @Test
    void sendsAnonymousVisitorsOfCockpitToTheLoginPage() {
        HttpResponse<String> cockpit = new Browser(port).get(COCKPIT);

        assertThat(cockpit.statusCode()).isEqualTo(302);
        assertThat(cockpit.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/login"));
    }

    private Browser signedIn(Role role) {
        User user = IdentityFixtures.createUser(users, role,
                role == Role.VENDOR ? testUsers.vendorId("Cockpit test vendor") : null);
        Browser browser = new Browser(port);
        assertThat(browser.signIn(user.username(), GOOD_PASSWORD).statusCode()).isEqualTo(302);
        return browser;
    }
}
