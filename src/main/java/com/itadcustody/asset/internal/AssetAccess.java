package com.itadcustody.asset.internal;

/** Who may do what in the asset module: the {@code @PreAuthorize} expressions its endpoints share. */
public final class AssetAccess {

    /** Read assets, media, license pools and seats: everyone but vendors. */
    public static final String READERS = "hasAnyRole('IT_STAFF','ASSET_MANAGER','VERIFIER','COMPLIANCE','ADMIN')";

    /** Register and edit assets and media, import, assign and release seats. */
    public static final String EDITORS = "hasAnyRole('IT_STAFF','ASSET_MANAGER','ADMIN')";

    /** Delete or archive assets, manage license pools. */
    public static final String MANAGERS = "hasAnyRole('ASSET_MANAGER','ADMIN')";

    private AssetAccess() {
    }
}
