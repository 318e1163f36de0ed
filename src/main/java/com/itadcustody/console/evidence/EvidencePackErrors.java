package com.itadcustody.console.evidence;

import com.itadcustody.shared.DomainRuleViolated;
import com.itadcustody.shared.NotFound;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Failures on the evidence-pack pages as pages, never a stack trace: an unknown pack (or an id that is not one) is
 * 404, a role that may not build packs 403, a pack that is not ready to download 409, each with its message.
 */
@ControllerAdvice(assignableTypes = EvidencePackPages.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class EvidencePackErrors {

    @ExceptionHandler({NotFound.class, MethodArgumentTypeMismatchException.class})
    String notFound(Model model, HttpServletResponse response) {
        return problem(model, response, HttpServletResponse.SC_NOT_FOUND, "Not found",
                "There is no evidence pack with this id.");
    }

    @ExceptionHandler(AccessDeniedException.class)
    String refused(Model model, HttpServletResponse response) {
        return problem(model, response, HttpServletResponse.SC_FORBIDDEN, "Not for your role",
                "Evidence packs are for compliance officers and administrators.");
    }

    @ExceptionHandler(DomainRuleViolated.class)
    String rule(DomainRuleViolated refused, Model model, HttpServletResponse response) {
        return problem(model, response, refused.status().value(), "Not possible",
                Character.toUpperCase(refused.getMessage().charAt(0)) + refused.getMessage().substring(1) + ".");
    }

    private static String problem(Model model, HttpServletResponse response, int status, String title,
            String message) {
        response.setStatus(status);
        model.addAttribute("title", title);
        model.addAttribute("message", message);
        return "console/evidence/problem";
    }
}
