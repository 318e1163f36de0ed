package com.itadcustody.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.itadcustody.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;

/** Integration tests run on an external test database, so the demo profile must stay off there. */
class DemoProfileInTestsTests extends IntegrationTest {

    @Autowired
    Environment environment;

    @Autowired
    ApplicationContext context;

    @Test
    void leavesTheDemoProfileOffOnTheTestDatabase() {
        assertThat(environment.matchesProfiles(DemoProfile.PROFILE)).isFalse();
        assertThat(context.getBeanNamesForType(DemoData.class)).isEmpty();
    }
}
