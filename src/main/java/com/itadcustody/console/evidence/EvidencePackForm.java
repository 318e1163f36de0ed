package com.itadcustody.console.evidence;

/** The request form's fields, as typed (dates as text, so a bad one is shown back as it was). */
public class EvidencePackForm {
    private String scope = "ASSET";
    private String assetId = "";
    private String lotId = "";
    private String from = "";
    private String to = "";

    public String getScope() {
        return scope;
    }

    public void setScope(String scope) {
        this.scope = scope;
    }

    public String getAssetId() {
        return assetId;
    }

    public void setAssetId(String assetId) {
        this.assetId = assetId;
    }

    public String getLotId() {
        return lotId;
    }

    public void setLotId(String lotId) {
        this.lotId = lotId;
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }
}
