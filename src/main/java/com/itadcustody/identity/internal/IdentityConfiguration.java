package com.itadcustody.identity.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Beans of the identity module that are not web security. */
@Configuration(proxyBeanMethods = false)
class IdentityConfiguration {

    /** bcrypt with Spring's default cost; hashes start with {@code $2a$}. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }
}
