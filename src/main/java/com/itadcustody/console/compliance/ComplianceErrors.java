package com.itadcustody.console.compliance;

import com.itadcustody.shared.DomainRuleViolated;
import com.itadcustody.shared.NotFound;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Failures on the compliance pages and exports as a page with the message, never a stack trace: an unknown report
 * or audit run is 404, a refused input (a bad period on an export) its own status with the rule's message.
 */
@ControllerAdvice(basePackageClasses = ComplianceErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ComplianceErrors {

    @ExceptionHandler({NotFound.class, MethodArgumentTypeMismatchException.class})
    String notFound(Exception failure, Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        model.addAttribute("message", failure instanceof NotFound ? failure.getMessage()
                : "There is no such page.");
        return "console/compliance/problem";
    }

    @ExceptionHandler(DomainRuleViolated.class)
    String refused(DomainRuleViolated refused, Model model, HttpServletResponse response) {
        response.setStatus(refused.status().value());
        model.addAttribute("message", (refused.field() == null ? "" : refused.field() + ": ") + refused.getMessage());
        return "console/compliance/problem";
    }
}
