/** Identity: users, roles, vendor organisations, API tokens and the web security configuration. */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package com.itadcustody.identity;
