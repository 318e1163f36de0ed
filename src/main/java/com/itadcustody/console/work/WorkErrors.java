package com.itadcustody.console.work;

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
 * Failures on the work pages as pages, never a stack trace: an unknown id (or one that is not an id) is a 404 page;
 * a rule that refuses what a page does outside a form is a page with its status, rule and message; anything else is
 * logged and answered with a page saying nothing was recorded.
 */
@ControllerAdvice(basePackageClasses = WorkErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class WorkErrors {

    private static final Logger log = LoggerFactory.getLogger(WorkErrors.class);

    @ExceptionHandler({NotFound.class, MethodArgumentTypeMismatchException.class})
    String notFound(Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        model.addAttribute("title", "Not found");
        model.addAttribute("message", "There is nothing here, or it is not yours to see. It may have been completed"
                + " or removed meanwhile.");
        model.addAttribute("rule", null);
        return "console/work/problem";
    }

    @ExceptionHandler(DomainRuleViolated.class)
    String refused(DomainRuleViolated refused, Model model, HttpServletResponse response) {
        response.setStatus(refused.status().value());
        model.addAttribute("title", refused.status().is4xxClientError() && refused.status().value() == 403
                ? "Not allowed" : "Not possible");
        model.addAttribute("message", Forms.message(refused));
        model.addAttribute("rule", refused.rule());
        return "console/work/problem";
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MaxUploadSizeExceededException.class})
    String badRequest(Exception bad, Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("title", "Incomplete form");
        model.addAttribute("message", bad instanceof MissingServletRequestParameterException missing
                ? "The form was incomplete: " + missing.getParameterName() + " is missing."
                : "The file is too large.");
        model.addAttribute("rule", "required");
        return "console/work/problem";
    }

    @ExceptionHandler(Exception.class)
    String failed(Exception failure, Model model, HttpServletResponse response) throws Exception {
        if (failure instanceof org.springframework.security.access.AccessDeniedException
                || failure instanceof org.springframework.security.core.AuthenticationException) {
            throw failure; // Spring Security answers these: the sign-in page or 403
        }
        log.error("work page failed", failure);
        response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
        model.addAttribute("title", "Something went wrong");
        model.addAttribute("message", "Something went wrong on our side; nothing was recorded. Please try again in a"
                + " moment.");
        model.addAttribute("rule", null);
        return "console/work/problem";
    }
}
