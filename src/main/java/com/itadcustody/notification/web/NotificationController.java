package com.itadcustody.notification.web;

import com.itadcustody.notification.Notifications;
import com.itadcustody.notification.OutboundMail;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** REST API of the mail outbox: administrators see what was sent, what waits for a retry and what failed. */
@RestController
@RequestMapping("/api/v1/notifications")
@Tag(name = "Notifications", description = "Outbound e-mail and its delivery")
class NotificationController {

    private final Notifications notifications;

    NotificationController(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "The newest mails of the outbox (status PENDING, SENT or FAILED; limit 1 to 500, default 100)")
    List<OutboundMail> list(@RequestParam(required = false) String status,
            @RequestParam(defaultValue = "100") int limit) {
        return notifications.outbox(status, limit);
    }
}
