package com.itadcustody.console.staff;

import com.itadcustody.shared.DomainRuleViolated;
import com.itadcustody.shared.NotFound;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Failures on the staff read pages as pages, never a stack trace: an unknown id (or one that is not an id at all)
 * is the 404 page; a rule that refuses the request is a page with its message; a refused role goes to Spring
 * Security (403).
 */
@ControllerAdvice(basePackageClasses = StaffErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class StaffErrors {

    private static final Logger log = LoggerFactory.getLogger(StaffErrors.class);

    @ExceptionHandler({NotFound.class, MethodArgumentTypeMismatchException.class})
    String notFound(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        return "console/staff/not-found";
    }

    @ExceptionHandler(DomainRuleViolated.class)
    String refused(DomainRuleViolated refused, Model model, HttpServletResponse response) {
        response.setStatus(refused.status().value());
        model.addAttribute("message", refused.getMessage());
        model.addAttribute("rule", refused.rule());
        return "console/staff/problem";
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    String badRequest(MissingServletRequestParameterException missing, Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("message", "The request was incomplete: " + missing.getParameterName() + " is missing.");
        model.addAttribute("rule", "required");
        return "console/staff/problem";
    }

    @ExceptionHandler(Exception.class)
    String failed(Exception failure, Model model, HttpServletResponse response) throws Exception {
        if (failure instanceof org.springframework.security.access.AccessDeniedException
                || failure instanceof org.springframework.security.core.AuthenticationException) {
            throw failure; // Spring Security's own handling: sign-in page or 403
        }
        log.error("staff page failed", failure);
        response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
        model.addAttribute("message", "Something went wrong on our side; nothing was changed. Please try again in a"
                + " moment, and tell an administrator if it keeps happening.");
        model.addAttribute("rule", null);
        return "console/staff/problem";
    }
}
