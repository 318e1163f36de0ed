package com.itadcustody.asset;

/** What kind of hardware an asset is. */
public enum AssetType {
    LAPTOP, DESKTOP, SERVER, PHONE, TABLET, STORAGE_ARRAY, NETWORK, PRINTER, OTHER
}
