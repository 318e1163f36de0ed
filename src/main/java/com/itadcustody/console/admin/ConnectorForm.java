package com.itadcustody.console.admin;

import com.itadcustody.retirement.ConnectorSettings;
import java.time.Duration;
import java.util.Set;
import org.springframework.validation.Errors;

/**
 * The form of one system's de-provisioning connector: a connector with its endpoint, timeout, attempts and wait,
 * or manual attestation by IT staff. Times are whole seconds here; the retirement module checks the ranges.
 */
public class ConnectorForm {

    static final Set<String> FIELDS = Set.of("url", "timeout", "maxAttempts", "backoff");

    private String mode = "CONNECTOR";
    private String url;
    private String timeout;
    private String maxAttempts;
    private String backoff;

    /** The form filled with a system's current setting. */
    static ConnectorForm of(ConnectorSettings.Setting setting) {
        ConnectorForm form = new ConnectorForm();
        form.mode = setting.connector() ? "CONNECTOR" : "MANUAL";
        form.url = setting.url();
        form.timeout = setting.timeout() == null ? "10" : Long.toString(setting.timeout().toSeconds());
        form.maxAttempts = Integer.toString(setting.maxAttempts() == 0 ? 3 : setting.maxAttempts());
        form.backoff = setting.backoff() == null ? "1" : Long.toString(setting.backoff().toSeconds());
        return form;
    }

    /** The change to ask the retirement module for, or null after rejecting unreadable numbers. */
    ConnectorSettings.Change change(Errors errors) {
        Long timeoutSeconds = number(errors, "timeout", timeout);
        Long attempts = number(errors, "maxAttempts", maxAttempts);
        Long backoffSeconds = number(errors, "backoff", backoff);
        if (!"CONNECTOR".equals(mode) && !"MANUAL".equals(mode)) {
            errors.rejectValue("mode", "required", "Choose a connector or manual attestation.");
        }
        if (errors.hasErrors()) {
            return null;
        }
        return new ConnectorSettings.Change("CONNECTOR".equals(mode), url, Duration.ofSeconds(timeoutSeconds),
                (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, attempts)),
                Duration.ofSeconds(backoffSeconds));
    }

    private static Long number(Errors errors, String field, String text) {
        try {
            return Long.parseLong(text == null ? "" : text.strip());
        } catch (NumberFormatException e) {
            errors.rejectValue(field, "number", "Enter a whole number.");
            return null;
        }
    }

    public String getMode() {
        return mode;
    }

    public void setMode(String mode) {
        this.mode = mode;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getTimeout() {
        return timeout;
    }

    public void setTimeout(String timeout) {
        this.timeout = timeout;
    }

    public String getMaxAttempts() {
        return maxAttempts;
    }

    public void setMaxAttempts(String maxAttempts) {
        this.maxAttempts = maxAttempts;
    }

    public String getBackoff() {
        return backoff;
    }

    public void setBackoff(String backoff) {
        this.backoff = backoff;
    }
}
