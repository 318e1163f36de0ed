/** Compliance: public verification, audit reports, KPIs and evidence packs. */
@org.springframework.modulith.ApplicationModule(displayName = "Compliance")
package com.itadcustody.compliance;
