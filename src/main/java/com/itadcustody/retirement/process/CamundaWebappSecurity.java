package com.itadcustody.retirement.process;

import java.util.Map;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts Camunda's webapps (Cockpit, Tasklist, Admin) behind our own sign-in: Spring Security admits
 * administrators only, and Camunda's container-based authentication filter, running right after Spring
 * Security and before Camunda's own filters, turns our session's user into a Camunda webapp login.
 */
@Configuration(proxyBeanMethods = false)
class CamundaWebappSecurity {

    /** Usernames as our identity module allows them ({@code a-z 0-9 . _ -}), plus Camunda's defaults. */
    static final String USER_ID_PATTERN = "[a-zA-Z0-9._-]+|camunda-admin";

    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> camundaSingleSignOn() {
        FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.setName("camundaSingleSignOn");
        registration.setInitParameters(
                Map.of("authentication-provider", SpringSecurityAuthenticationProvider.class.getName()));
        registration.addUrlPatterns("/camunda/app/*", "/camunda/api/*");
        // after Spring Security's filter chain (whose context it reads), before Camunda's own filters
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }

    /** Lets our usernames (which may contain '.', '_' and '-') be Camunda user ids. */
    @Bean
    ProcessEnginePlugin camundaUserIdsLikeOurUsernames() {
        return new AbstractProcessEnginePlugin() {
            @Override
            public void preInit(ProcessEngineConfigurationImpl configuration) {
                configuration.setUserResourceWhitelistPattern(USER_ID_PATTERN);
            }
        };
    }
}
