package com.itadcustody.partner.inbound;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the vendors' file drop ({@code itad.partner.drop.*}): each vendor delivers reports into
 * {@code <root>/<vendor id>/inbox}; processed files move to {@code processed/}, refused ones to {@code failed/},
 * each with a {@code <name>.result.json} beside it.
 *
 * @param root the drop's root directory; blank: no file drop
 * @param pollInterval how often the inboxes are looked at
 */
@ConfigurationProperties("itad.partner.drop")
record DropSettings(String root, @DefaultValue("PT10S") Duration pollInterval) {

    /** Whether a drop is configured. */
    boolean enabled() {
        return root != null && !root.isBlank();
    }
}
