/**
 * Software license pools and the seats assigned from them to assets (device seats) or people (user seats);
 * internal to the asset module, whose API for it is {@link com.itadcustody.asset.LicenseSeats}.
 */
package com.itadcustody.asset.license;
