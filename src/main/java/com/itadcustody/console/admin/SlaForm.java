package com.itadcustody.console.admin;

import com.itadcustody.retirement.SlaSettings;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The SLA form: one ISO-8601 duration per step, as entered. */
public class SlaForm {

    private String approval;
    private String pickup;
    private String receipt;
    private String vendorProcessing;

    /** The form filled with the SLAs that apply now. */
    static SlaForm of(List<SlaSettings.Sla> slas) {
        SlaForm form = new SlaForm();
        for (SlaSettings.Sla sla : slas) {
            String value = sla.duration().toString();
            switch (sla.step()) {
                case APPROVAL -> form.approval = value;
                case PICKUP -> form.pickup = value;
                case RECEIPT -> form.receipt = value;
                case VENDOR_PROCESSING -> form.vendorProcessing = value;
            }
        }
        return form;
    }

    /** The values by step. */
    Map<SlaSettings.Step, String> values() {
        Map<SlaSettings.Step, String> values = new EnumMap<>(SlaSettings.Step.class);
        values.put(SlaSettings.Step.APPROVAL, approval);
        values.put(SlaSettings.Step.PICKUP, pickup);
        values.put(SlaSettings.Step.RECEIPT, receipt);
        values.put(SlaSettings.Step.VENDOR_PROCESSING, vendorProcessing);
        return values;
    }

    public String getApproval() {
        return approval;
    }

    public void setApproval(String approval) {
        this.approval = approval;
    }

    public String getPickup() {
        return pickup;
    }

    public void setPickup(String pickup) {
        this.pickup = pickup;
    }

    public String getReceipt() {
        return receipt;
    }

    public void setReceipt(String receipt) {
        this.receipt = receipt;
    }

    public String getVendorProcessing() {
        return vendorProcessing;
    }

    public void setVendorProcessing(String vendorProcessing) {
        this.vendorProcessing = vendorProcessing;
    }
}
