package com.itadcustody.identity.web;

import static com.itadcustody.identity.IdentityFixtures.GOOD_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import com.itadcustody.identity.IdentityFixtures;
import com.itadcustody.identity.User;
import com.itadcustody.identity.UserChange;
import com.itadcustody.identity.Users;
import com.itadcustody.shared.Actor;
import com.itadcustody.shared.Role;
import com.itadcustody.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

class WebLoginTests extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    Users users;

    @Test
    void sendsAnonymousVisitorsToTheLoginPage() {
        HttpResponse<String> home = new Browser(port).get("/");

        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(home.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/login"));
    }

    @Test
    void signsInWithTheFormAndShowsWhoIsSignedIn() {
        User user = IdentityFixtures.createUser(users, Role.ASSET_MANAGER, null);
        Browser browser = new Browser(port);

        HttpResponse<String> signIn = browser.signIn(user.username(), GOOD_PASSWORD);

        assertThat(signIn.statusCode()).isEqualTo(302);
        assertThat(signIn.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/"));
        HttpResponse<String> home = browser.get("/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains(user.displayName()).contains("ASSET_MANAGER")
                .contains("/swagger-ui.html").doesNotContain("/camunda/app/cockpit");
    }

    @Test
    void refusesWrongPassword() {
        User user = IdentityFixtures.createUser(users, Role.IT_STAFF, null);

        HttpResponse<String> signIn = new Browser(port).signIn(user.username(), "not the password");

        assertThat(signIn.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/login?error"));
    }

    @Test
    void refusesDisabledUser() {
        User user = IdentityFixtures.createUser(users, Role.IT_STAFF, null);
        users.change(user.id(), new UserChange(user.displayName(), user.email(), user.roles(), null, false),
                Actor.system());

        HttpResponse<String> signIn = new Browser(port).signIn(user.username(), GOOD_PASSWORD);

        assertThat(signIn.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/login?error"));
    }

    @Test
    void refusesLoginFormPostedWithoutCsrfToken() {
        User user = IdentityFixtures.createUser(users, Role.IT_STAFF, null);
        Browser browser = new Browser(port);
        browser.get("/login");

        HttpResponse<String> signIn = browser.postForm("/login",
                Map.of("username", user.username(), "password", GOOD_PASSWORD));

        assertThat(signIn.statusCode()).isEqualTo(403);
    }

    @Test
    void refusesLogoutWithoutCsrfTokenAndSignsOutWithIt() {
        User user = IdentityFixtures.createUser(users, Role.COMPLIANCE, null);
        Browser browser = new Browser(port);
        browser.signIn(user.username(), GOOD_PASSWORD);

        assertThat(browser.postForm("/logout", Map.of()).statusCode()).isEqualTo(403);
        assertThat(browser.get("/").statusCode()).isEqualTo(200);

        HttpResponse<String> logout = browser.postForm("/logout", Map.of("_csrf", browser.csrfTokenOf("/")));
        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(logout.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/login?logout"));
        assertThat(browser.get("/").statusCode()).isEqualTo(302);
    }

    @Test
    void sendsSecurityHeaders() {
        HttpResponse<String> login = new Browser(port).get("/login");

        assertThat(login.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(login.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }
}
