/** ITAD vendors, their certifications, the partner portal and inbound vendor data. */
@org.springframework.modulith.ApplicationModule(displayName = "Vendors")
package com.itadcustody.vendor;
