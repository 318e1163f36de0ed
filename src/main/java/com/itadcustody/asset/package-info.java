/**
 * Asset registry: hardware assets, their storage media, software license pools and seat assignments,
 * CSV import and export. The root package is the module's API; sub-packages are internal.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Asset registry")
package com.itadcustody.asset;
