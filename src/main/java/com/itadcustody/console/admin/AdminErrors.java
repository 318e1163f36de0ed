package com.itadcustody.console.admin;

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
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * Failures on the admin pages as pages, never a stack trace: an unknown id is a 404 page, a rule that refuses an
 * action outside a form is a page with its message; refusals of the role go to Spring Security (403).
 */
@ControllerAdvice(basePackageClasses = AdminErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class AdminErrors {

    private static final Logger log = LoggerFactory.getLogger(AdminErrors.class);

    @ExceptionHandler({NotFound.class, MethodArgumentTypeMismatchException.class})
    String notFound(Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        model.addAttribute("message", "There is nothing at this address (an unknown or mistyped id).");
        model.addAttribute("rule", "not-found");
        return "console/admin/problem";
    }

    @ExceptionHandler(DomainRuleViolated.class)
    String refused(DomainRuleViolated refused, Model model, HttpServletResponse response) {
        response.setStatus(refused.status().value());
        model.addAttribute("message", refused.getMessage());
        model.addAttribute("rule", refused.rule());
        return "console/admin/problem";
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String tooLarge(Model model, HttpServletResponse response) {
        response.setStatus(413);
        model.addAttribute("message", "The file is larger than the server accepts; nothing was stored.");
        model.addAttribute("rule", "document-too-large");
        return "console/admin/problem";
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    String badRequest(MissingServletRequestParameterException missing, Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("message", "The form was incomplete: " + missing.getParameterName() + " is missing.");
        model.addAttribute("rule", "required");
        return "console/admin/problem";
    }

    @ExceptionHandler(Exception.class)
    String failed(Exception failure, Model model, HttpServletResponse response) throws Exception {
        if (failure instanceof org.springframework.security.access.AccessDeniedException
                || failure instanceof org.springframework.security.core.AuthenticationException) {
            throw failure;
        }
        log.error("admin page failed", failure);
        response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
        model.addAttribute("message", "Something went wrong on our side; nothing was changed. Please try again.");
        model.addAttribute("rule", null);
        return "console/admin/problem";
    }
}
