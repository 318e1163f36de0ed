package com.itadcustody.notification;

import java.util.List;

/** The notification module's API: what the mail outbox holds. */
public interface Notifications {

    /** The newest mails of the outbox, at most {@code max}, only those with this status when it is not null. */
    List<OutboundMail> outbox(String status, int max);
}
