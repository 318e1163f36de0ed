package com.itadcustody.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class DemoProfileTests {

    @Test
    void wantsDemoDataOnTheEmbeddedDatabaseByDefault() {
        assertThat(DemoProfile.wanted(new MockEnvironment())).isTrue();
        assertThat(DemoProfile.wanted(new MockEnvironment().withProperty("itad.db.url", ""))).isTrue();
    }

    @Test
    void wantsNoDemoDataOnAnExternalDatabase() {
        MockEnvironment external = new MockEnvironment()
                .withProperty("itad.db.url", "jdbc:postgresql://db.example.org/itad");

        assertThat(DemoProfile.wanted(external)).isFalse();
    }

    @Test
    void wantsNoDemoDataWhenSwitchedOff() {
        assertThat(DemoProfile.wanted(new MockEnvironment().withProperty("itad.demo.enabled", "false"))).isFalse();
    }
}
