package com.itadcustody.asset.internal;

import com.itadcustody.asset.AssetStatus;
import com.itadcustody.asset.AssetType;

/**
 * Which assets a list or export shows; every part is optional.
 *
 * @param status only assets in this status
 * @param type only assets of this type
 * @param location only assets at this location (exact, case-insensitive)
 * @param text matches tag, serial number or model (case-insensitive substring)
 */
public record AssetFilter(AssetStatus status, AssetType type, String location, String text) {
}
