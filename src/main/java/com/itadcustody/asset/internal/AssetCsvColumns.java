package com.itadcustody.asset.internal;

import java.util.List;

/**
 * The columns of the asset CSV format, shared by import and export: one row per storage medium, asset columns
 * repeated on each row of the same asset; an asset without media has one row with empty media columns.
 */
public final class AssetCsvColumns {

    public static final String ASSET_TAG = "asset_tag";
    public static final String SERIAL_NUMBER = "serial_number";
    public static final String TYPE = "type";
    public static final String MAKE = "make";
    public static final String MODEL = "model";
    public static final String PURCHASE_DATE = "purchase_date";
    public static final String PURCHASE_COST = "purchase_cost";
    public static final String CURRENCY = "currency";
    public static final String WARRANTY_END = "warranty_end";
    public static final String LOCATION = "location";
    public static final String CUSTODIAN = "custodian";
    public static final String DEPARTMENT = "department";
    public static final String MEDIA_TYPE = "media_type";
    public static final String MEDIA_SERIAL = "media_serial";
    public static final String MEDIA_MAKE = "media_make";
    public static final String MEDIA_MODEL = "media_model";
    public static final String MEDIA_CAPACITY_BYTES = "media_capacity_bytes";
    public static final String MEDIA_SELF_ENCRYPTING = "media_self_encrypting";
    public static final String MEDIA_ENCRYPTED_FROM_FIRST_USE = "media_encrypted_from_first_use";

    /** Every column, in export order. */
    public static final List<String> ALL = List.of(ASSET_TAG, SERIAL_NUMBER, TYPE, MAKE, MODEL, PURCHASE_DATE,
            PURCHASE_COST, CURRENCY, WARRANTY_END, LOCATION, CUSTODIAN, DEPARTMENT, MEDIA_TYPE, MEDIA_SERIAL,
            MEDIA_MAKE, MEDIA_MODEL, MEDIA_CAPACITY_BYTES, MEDIA_SELF_ENCRYPTING, MEDIA_ENCRYPTED_FROM_FIRST_USE);

    /** The asset's own columns (everything but the media columns). */
    public static final List<String> ASSET = ALL.subList(0, 12);

    /** The media columns. */
    public static final List<String> MEDIA = ALL.subList(12, ALL.size());

    /** Columns every file must have. */
    public static final List<String> REQUIRED = List.of(ASSET_TAG, TYPE);

    private AssetCsvColumns() {
    }
}
