/**
 * Identity: users and their roles (a vendor user belongs to one organisation of the vendor module), personal API
 * tokens, the web and REST security configuration, and the demo logins of the embedded mode.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package com.itadcustody.identity;
