/**
 * The staff console: server-rendered pages for IT staff, asset managers, verifiers, compliance officers and
 * administrators (everyone but vendors, who use the partner portal). Pages only call other modules' APIs; each
 * page checks its roles on the server, and the domain's own rules (four-eyes, vendor scoping) still apply.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Staff console")
package com.itadcustody.console;
