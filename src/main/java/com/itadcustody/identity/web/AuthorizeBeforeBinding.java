package com.itadcustody.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Checks a handler's {@code @PreAuthorize} before Spring MVC reads and validates the request, so that a caller
 * without the role gets 403 whatever the body holds (not a 400 that tells them how the endpoint validates).
 * Method security still checks the same rule again when the handler is called.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizeBeforeBinding implements WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new RoleCheck()).addPathPatterns("/api/**");
    }

    /** Evaluates the handler method's (or its class's) {@code @PreAuthorize} expression without its arguments. */
    static final class RoleCheck implements HandlerInterceptor {

        private final PreAuthorizeAuthorizationManager rules = new PreAuthorizeAuthorizationManager();

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            if (!(handler instanceof HandlerMethod method)) {
                return true;
            }
            AuthorizationResult result;
            try {
                result = rules.authorize(() -> SecurityContextHolder.getContext().getAuthentication(),
                        new SimpleMethodInvocation(method.getBean(), method.getMethod()));
            } catch (RuntimeException e) {
                // an expression that needs the method's arguments: method security decides once they are bound
                return true;
            }
            if (result != null && !result.isGranted()) {
                throw new AccessDeniedException("Access Denied");
            }
            return true;
        }
    }
}
