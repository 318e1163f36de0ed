package com.itadcustody.identity.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Answers the REST API's authentication failures (401, with the challenges we accept) and refusals (403) as
 * RFC 9457 ProblemDetails, like every other API error.
 */
class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    static final String TYPE_BASE = "https://itadcustody.com/problems/";
    static final String REALM = "itad-custody";

    private final ObjectMapper objectMapper;

    ProblemResponses(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException failure) throws IOException {
        boolean badToken = failure instanceof InvalidApiToken;
        response.addHeader(HttpHeaders.WWW_AUTHENTICATE, badToken
                ? "Bearer realm=\"" + REALM + "\", error=\"invalid_token\", "
                        + "error_description=\"The token is unknown, expired or revoked.\""
                : "Bearer realm=\"" + REALM + "\"");
        response.addHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
        String detail = badToken
                ? "The bearer token is unknown, expired or revoked, or its user is disabled."
                : request.getHeader(HttpHeaders.AUTHORIZATION) == null
                        ? "Authentication is required: send an API token (Authorization: Bearer ...) or use "
                                + "HTTP Basic."
                        : "The credentials were not accepted.";
        write(request, response, HttpStatus.UNAUTHORIZED, "unauthenticated", detail);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        write(request, response, HttpStatus.FORBIDDEN, "forbidden",
                "Your roles do not allow this request.");
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String type,
            String detail) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        objectMapper.writeValue(response.getOutputStream(), problem);
    }

    /** A bearer token that was presented but not accepted. */
    static class InvalidApiToken extends AuthenticationException {

        InvalidApiToken() {
            super("invalid API token");
        }
    }
}
