package com.itadcustody.asset.web;

import com.itadcustody.asset.internal.Asset;
import com.itadcustody.asset.internal.AssetInput;
import com.itadcustody.asset.internal.Medium;
import com.itadcustody.asset.web.AssetViews.AssetView;
import com.itadcustody.asset.web.AssetViews.MediumView;
import com.itadcustody.asset.web.AssetViews.UpdateAssetRequest;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

/** Maps between the asset API's JSON shapes and the registry's records. */
@Mapper
interface AssetWebMapper {

    AssetView toView(Asset asset);

    MediumView toView(Medium medium);

    @Mapping(target = "media", ignore = true)
    AssetInput toInput(UpdateAssetRequest request);
}
