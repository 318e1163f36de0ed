/** The vendors' side: partner portal pages, inbound erasure reports and webhooks. */
package com.itadcustody.partner;
