package com.itadcustody.console;

import com.itadcustody.shared.DomainRuleViolated;
import com.itadcustody.shared.NotFound;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.ui.Model;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * Failures on every console page as one kind of page, never a stack trace: an unknown id (or one that is not an id
 * at all) is 404; a rule that refuses what a page does outside a form is a page with the rule's status and message;
 * an incomplete form 400, a file over the upload limit 413; a refused role is left to Spring Security (403); anything
 * else is logged and answered with a page saying nothing was changed. Forms show their own errors next to the fields.
 */
@ControllerAdvice(basePackageClasses = ConsoleErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleErrors {

    private static final Logger log = LoggerFactory.getLogger(ConsoleErrors.class);
    static final String PAGE = "console/problem";

    @ExceptionHandler({NotFound.class, MethodArgumentTypeMismatchException.class})
    String notFound(Model model, HttpServletResponse response) {
        return problem(model, response, HttpServletResponse.SC_NOT_FOUND, "Not found",
                "There is nothing at this address, or it is not yours to see. It may have been completed or removed"
                        + " meanwhile.", null);
    }

    @ExceptionHandler(DomainRuleViolated.class)
    String refused(DomainRuleViolated refused, Model model, HttpServletResponse response) {
        int status = refused.status().value();
        return problem(model, response, status, status == HttpServletResponse.SC_FORBIDDEN ? "Not allowed"
                : "Not possible", sentence(refused), refused.rule());
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    String incomplete(MissingServletRequestParameterException missing, Model model, HttpServletResponse response) {
        return problem(model, response, HttpServletResponse.SC_BAD_REQUEST, "Incomplete form",
                "The form was incomplete: " + missing.getParameterName() + " is missing.", "required");
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String tooLarge(Model model, HttpServletResponse response) {
        return problem(model, response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "File too large",
                "The file is larger than the server accepts; nothing was stored.", "file-too-large");
    }

    @ExceptionHandler(Exception.class)
    String failed(Exception failure, Model model, HttpServletResponse response) throws Exception {
        if (failure instanceof AccessDeniedException || failure instanceof AuthenticationException) {
            throw failure; // Spring Security answers these: the sign-in page or 403
        }
        log.error("console page failed", failure);
        return problem(model, response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, "Something went wrong",
                "Something went wrong on our side; nothing was changed. Please try again in a moment, and tell an"
                        + " administrator if it keeps happening.", null);
    }

    /** A rule's message as a sentence, with the field it names in front when there is one. */
    static String sentence(DomainRuleViolated refused) {
        String m = refused.getMessage();
        if (m == null || m.isEmpty()) {
            return refused.rule();
        }
        String sentence = Character.toUpperCase(m.charAt(0)) + m.substring(1);
        sentence = sentence.endsWith(".") ? sentence : sentence + ".";
        return refused.field() == null ? sentence : refused.field() + ": " + sentence;
    }

    private static String problem(Model model, HttpServletResponse response, int status, String title,
            String message, String rule) {
        response.setStatus(status);
        model.addAttribute("title", title);
        model.addAttribute("message", message);
        model.addAttribute("rule", rule);
        model.addAttribute("notFound", status == HttpServletResponse.SC_NOT_FOUND);
        return PAGE;
    }
}
