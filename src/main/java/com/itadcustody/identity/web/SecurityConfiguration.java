package com.itadcustody.identity.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.itadcustody.identity.internal.JdbcApiTokens;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Two filter chains: the REST API under {@code /api/**} (stateless; API token or HTTP Basic; no cookies, so no
 * CSRF; failures as ProblemDetails) and everything else (form login, session, CSRF; Camunda's webapps for
 * administrators only). Endpoints state their roles with {@code @PreAuthorize}.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    static final String BEARER_SCHEME = "apiToken";
    static final String BASIC_SCHEME = "basic";

    private final PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();

    @Bean
    ProblemResponses problemResponses(ObjectMapper objectMapper) {
        return new ProblemResponses(objectMapper);
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, JdbcApiTokens apiTokens, ProblemResponses problems)
            throws Exception {
        http.securityMatcher(path.matcher("/api/**"))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(path.matcher(HttpMethod.GET, "/api/v1/public/**")).permitAll()
                        .requestMatchers(path.matcher(HttpMethod.POST, "/api/v1/public/certificates/verification"))
                        .permitAll()
                        // vendors' systems: authenticated by the HMAC signature of each delivery (partner.webhook)
                        .requestMatchers(path.matcher(HttpMethod.POST, "/api/v1/partner/webhooks/*")).permitAll()
                        .anyRequest().authenticated())
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .httpBasic(basic -> basic.realmName(ProblemResponses.REALM).authenticationEntryPoint(problems))
                .exceptionHandling(failures -> failures.authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .addFilterBefore(new ApiTokenAuthenticationFilter(apiTokens, problems),
                        BasicAuthenticationFilter.class);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain webSecurity(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers(path.matcher("/actuator/health/**"), path.matcher("/actuator/info"))
                        .permitAll()
                        .requestMatchers(path.matcher("/v3/api-docs/**"), path.matcher("/swagger-ui/**"),
                                path.matcher("/swagger-ui.html")).permitAll()
                        .requestMatchers(path.matcher("/css/**"), path.matcher("/webjars/**"),
                                path.matcher("/favicon.ico"), path.matcher("/error")).permitAll()
                        .requestMatchers(path.matcher("/verify"), path.matcher("/verify/**")).permitAll()
                        .requestMatchers(path.matcher("/camunda/**")).hasRole("ADMIN")
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll())
                // Cockpit and Tasklist send Camunda's own CSRF header, checked by Camunda's CsrfPreventionFilter
                .csrf(csrf -> csrf.ignoringRequestMatchers(path.matcher("/camunda/api/**")));
        return http.build();
    }

    /** Tells the OpenAPI document (and Swagger UI's Authorize button) how the REST API authenticates. */
    @Bean
    OpenApiCustomizer apiSecuritySchemes() {
        return openApi -> {
            if (openApi.getComponents() == null) {
                openApi.setComponents(new Components());
            }
            openApi.getComponents()
                    .addSecuritySchemes(BEARER_SCHEME, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                            .scheme("bearer").bearerFormat("itad_...")
                            .description("Personal API token from POST /api/v1/me/tokens"))
                    .addSecuritySchemes(BASIC_SCHEME, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                            .scheme("basic"));
            openApi.addSecurityItem(new SecurityRequirement().addList(BEARER_SCHEME))
                    .addSecurityItem(new SecurityRequirement().addList(BASIC_SCHEME));
        };
    }
}
