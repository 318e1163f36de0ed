package com.itadcustody.notification.internal;

import com.itadcustody.notification.Notifications;
import com.itadcustody.notification.OutboundMail;
import com.itadcustody.shared.DomainRuleViolated;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The outbox as the API shows it. */
@Service
class JdbcNotifications implements Notifications {

    private static final Set<String> STATUSES = Set.of("PENDING", "SENT", "FAILED");

    private final MailOutbox outbox;

    JdbcNotifications(MailOutbox outbox) {
        this.outbox = outbox;
    }

    @Override
    @Transactional(readOnly = true)
    public List<OutboundMail> outbox(String status, int max) {
        if (status != null && !STATUSES.contains(status)) {
            throw new DomainRuleViolated(HttpStatus.BAD_REQUEST, "status-known", "status",
                    "status is one of PENDING, SENT, FAILED");
        }
        if (max < 1 || max > 500) {
            throw new DomainRuleViolated(HttpStatus.BAD_REQUEST, "range", "limit", "limit is between 1 and 500");
        }
        return outbox.list(status, max);
    }
}
