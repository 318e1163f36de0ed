package com.itadcustody.partner.portal;

import com.itadcustody.shared.Role;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * The partner portal's own filter chain for {@code /portal/**}: its own sign-in page, form login with a session,
 * CSRF on, and the {@code VENDOR} role only. A user without it who signs in here is signed out again and told
 * why; one already signed in elsewhere sees a page saying the portal is for vendor users.
 */
@Configuration(proxyBeanMethods = false)
class PortalSecurity {

    static final String LOGIN = "/portal/login";

    @Bean
    @Order(0)
    SecurityFilterChain portalFilterChain(HttpSecurity http) throws Exception {
        PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
        http.securityMatcher(path.matcher("/portal/**"))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(path.matcher(LOGIN), path.matcher("/portal/js/**"),
                                path.matcher("/portal/refused")).permitAll()
                        .anyRequest().hasRole(Role.VENDOR.name()))
                .formLogin(form -> form.loginPage(LOGIN).loginProcessingUrl(LOGIN)
                        .successHandler(vendorsOnly()).failureUrl(LOGIN + "?error").permitAll())
                .logout(logout -> logout.logoutRequestMatcher(path.matcher(org.springframework.http.HttpMethod.POST,
                        "/portal/logout")).logoutSuccessUrl(LOGIN + "?logout"))
                .exceptionHandling(failures -> failures
                        .authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint(LOGIN))
                        .accessDeniedHandler(PortalSecurity::denied));
        return http.build();
    }

    /** Signs a user without the VENDOR role straight out again: the portal is for vendor users only. */
    private static AuthenticationSuccessHandler vendorsOnly() {
        SavedRequestAwareAuthenticationSuccessHandler vendor = new SavedRequestAwareAuthenticationSuccessHandler();
        vendor.setDefaultTargetUrl("/portal");
        return (request, response, authentication) -> {
            if (isVendor(authentication)) {
                vendor.onAuthenticationSuccess(request, response, authentication);
            } else {
                new SecurityContextLogoutHandler().logout(request, response, authentication);
                response.sendRedirect(request.getContextPath() + LOGIN + "?refused");
            }
        };
    }

    private static void denied(HttpServletRequest request, HttpServletResponse response,
            AccessDeniedException denied) throws IOException {
        if (denied instanceof CsrfException) {
            // an expired session or a stale form: sign in again rather than a bare 403
            response.sendRedirect(request.getContextPath() + LOGIN + "?expired");
            return;
        }
        response.sendRedirect(request.getContextPath() + "/portal/refused");
    }

    static boolean isVendor(Authentication authentication) {
        return authentication != null && authentication.getAuthorities().stream()
                .anyMatch(a -> Role.VENDOR.authority().equals(a.getAuthority()));
    }
}
