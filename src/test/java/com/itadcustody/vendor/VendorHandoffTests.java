package com.itadcustody.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import com.itadcustody.shared.Role;
import com.itadcustody.support.ApiClient;
import com.itadcustody.support.IntegrationTest;
import com.itadcustody.support.TestUsers;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The workflow's handoff check follows the registry's rules: expired blocks, expiring (warned) still passes. */
class VendorHandoffTests extends IntegrationTest {

    static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    @Test
    void anExpiredCertificationBlocksTheHandoffAndAnExpiringRenewalReleasesIt() {
        LotFlow flow = new LotFlow(port, users);
        ApiClient staff = ApiClient.withToken(port, users.tokenFor(Role.IT_STAFF));
        UUID vendorId = users.vendorId("Handoff expiry " + UUID.randomUUID());
        flow.certify(vendorId, TODAY.minusYears(3), TODAY.minusDays(1));
        String lot = flow.lotSignedOff(vendorId, flow.readyForHandoff().retirementId());

        flow.awaitLotStep(lot, "Task_HandoffBlocked");
        assertThat(ApiClient.withToken(port, users.tokenFor(Role.ADMIN)).get("/api/v1/vendors/" + vendorId).json()
                .get("canTakeHandoffs").asBoolean()).isFalse();

        flow.certify(vendorId, TODAY.minusYears(1), TODAY.plusDays(10));
        assertThat(staff.post("/api/v1/lots/" + lot + "/handoff-retry", null).status()).isEqualTo(200);
        flow.awaitLotStep(lot, "Task_ConfirmPickup");
    }
}
