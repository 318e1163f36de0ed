package com.itadcustody.asset;

import static com.itadcustody.asset.AssetFixtures.actor;
import static com.itadcustody.asset.AssetFixtures.anyLaptop;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.itadcustody.asset.internal.Asset;
import com.itadcustody.asset.internal.AssetInput;
import com.itadcustody.asset.internal.AssetRegistry;
import com.itadcustody.asset.internal.Assets;
import com.itadcustody.asset.internal.Medium;
import com.itadcustody.asset.internal.StorageMedia;
import com.itadcustody.custody.CustodyLog;
import com.itadcustody.shared.DomainRuleViolated;
import com.itadcustody.shared.NotFound;
import com.itadcustody.shared.Role;
import com.itadcustody.support.IntegrationTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

class AssetLifecycleTests extends IntegrationTest {

    @Autowired
    AssetLifecycle lifecycle;

    @Autowired
    AssetRegistry registry;

    @Autowired
    CustodyLog custody;

    @Autowired
    Assets assets;

    @Autowired
    StorageMedia media;

    @Test
    void readsAnAssetWithEveryFieldOfItsMediaInOneStatementAsTheTablesHoldThem() {
        UUID server = registry.register(AssetFixtures.anyServerWithTwoDisks(), actor(Role.IT_STAFF)).id();
        AssetInput bare = anyLaptop();
        UUID withoutMedia = registry.register(new AssetInput(bare.tag(), bare.serialNumber(), bare.type(), bare.make(),
                bare.model(), bare.purchaseDate(), bare.purchaseCost(), bare.currency(), bare.warrantyEnd(),
                bare.location(), bare.custodian(), bare.department(), List.of()), actor(Role.IT_STAFF)).id();

        Asset read = registry.get(server);

        assertThat(read).isEqualTo(assets.find(server).orElseThrow().withMedia(media.ofAssets(List.of(server)).get(server)));
        assertThat(read.media()).hasSize(2).extracting(Medium::mediaType).containsOnly(MediaType.SSD_SATA);
        assertThat(registry.get(withoutMedia).media()).isEmpty();
        assertThat(registry.get(withoutMedia)).isEqualTo(assets.find(withoutMedia).orElseThrow());
        assertThatThrownBy(() -> registry.get(UUID.randomUUID())).isInstanceOf(NotFound.class);
    }

    @Test
    void newAssetsAreInService() {
        UUID id = registry.register(anyLaptop(), actor(Role.IT_STAFF)).id();

        assertThat(lifecycle.statusOf(id)).isEqualTo(AssetStatus.IN_SERVICE);
    }

    @Test
    void walksTheWholeLifecycleAndRecordsEveryMoveInTheCustodyLog() {
        UUID id = registry.register(anyLaptop(), actor(Role.IT_STAFF)).id();

        for (AssetStatus next : new AssetStatus[] {AssetStatus.RETIREMENT_REQUESTED, AssetStatus.RETIREMENT_APPROVED,
                AssetStatus.SANITIZED, AssetStatus.RELEASED_TO_VENDOR, AssetStatus.RECEIVED_BY_VENDOR,
                AssetStatus.DISPOSED}) {
            lifecycle.transition(id, next, actor(Role.ASSET_MANAGER), "test");
        }

        assertThat(lifecycle.statusOf(id)).isEqualTo(AssetStatus.DISPOSED);
        assertThat(custody.countEvents(id)).as("registration plus six moves").isEqualTo(7);
    }

    @ParameterizedTest
    @EnumSource(value = AssetStatus.class, names = {"RETIREMENT_APPROVED", "SANITIZED", "RELEASED_TO_VENDOR",
            "RECEIVED_BY_VENDOR", "DISPOSED", "IN_SERVICE"})
    void refusesSkippingStepsWithAConflict(AssetStatus target) {
        UUID id = registry.register(anyLaptop(), actor(Role.IT_STAFF)).id();

        assertThatThrownBy(() -> lifecycle.transition(id, target, actor(Role.ASSET_MANAGER), null))
                .isInstanceOfSatisfying(DomainRuleViolated.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT);
                    assertThat(e.rule()).isEqualTo("illegal-status-transition");
                });
        assertThat(lifecycle.statusOf(id)).isEqualTo(AssetStatus.IN_SERVICE);
        assertThat(custody.countEvents(id)).as("only the registration").isEqualTo(1);
    }

    @Test
    void aRejectedRequestReturnsTheAssetToService() {
        UUID id = registry.register(anyLaptop(), actor(Role.IT_STAFF)).id();
        lifecycle.transition(id, AssetStatus.RETIREMENT_REQUESTED, actor(Role.IT_STAFF), null);

        lifecycle.transition(id, AssetStatus.IN_SERVICE, actor(Role.ASSET_MANAGER), "rejected");

        assertThat(lifecycle.statusOf(id)).isEqualTo(AssetStatus.IN_SERVICE);
        assertThat(custody.countEvents(id)).isEqualTo(3);
    }

    @Test
    void finalStatusesHaveNoWayOut() {
        assertThat(AssetStatus.DISPOSED.next()).isEmpty();
        assertThat(AssetStatus.ARCHIVED.next()).isEmpty();
        assertThat(AssetStatus.LOST.next()).isEmpty();
        assertThat(AssetStatus.IN_SERVICE.canMoveTo(AssetStatus.DISPOSED)).isFalse();
    }

    @Test
    void refusesToDeleteAnAssetWithCustodyHistory() {
        UUID id = registry.register(anyLaptop(), actor(Role.IT_STAFF)).id();
        lifecycle.transition(id, AssetStatus.RETIREMENT_REQUESTED, actor(Role.IT_STAFF), null);
        lifecycle.transition(id, AssetStatus.IN_SERVICE, actor(Role.ASSET_MANAGER), "cancelled");

        assertThatThrownBy(() -> registry.delete(id))
                .isInstanceOfSatisfying(DomainRuleViolated.class,
                        e -> assertThat(e.rule()).isEqualTo("asset-has-custody-history"));
        assertThat(registry.get(id)).isNotNull();
    }

    @Test
    void evenAFreshlyRegisteredAssetHasHistoryAndIsArchivedNotDeleted() {
        UUID id = registry.register(anyLaptop(), actor(Role.IT_STAFF)).id();

        assertThatThrownBy(() -> registry.delete(id))
                .isInstanceOfSatisfying(DomainRuleViolated.class,
                        e -> assertThat(e.rule()).isEqualTo("asset-has-custody-history"));
        registry.transition(id, AssetStatus.ARCHIVED, actor(Role.ASSET_MANAGER), "registered by mistake");
        assertThat(lifecycle.statusOf(id)).isEqualTo(AssetStatus.ARCHIVED);
    }

    @Test
    void everyRegistryChangeIsACustodyEvent() {
        UUID id = registry.register(anyLaptop(), actor(Role.IT_STAFF)).id();
        var asset = registry.get(id);
        registry.update(id, new com.itadcustody.asset.internal.AssetInput(asset.tag(), asset.serialNumber(),
                asset.type(), asset.make(), asset.model(), asset.purchaseDate(), asset.purchaseCost(),
                asset.currency(), asset.warrantyEnd(), "Munich", asset.custodian(), asset.department(), null),
                asset.version(), null, actor(Role.IT_STAFF));
        var medium = registry.addMedium(id, AssetFixtures.anyMedium(MediaType.USB_FLASH), actor(Role.IT_STAFF));
        registry.removeMedium(id, medium.id(), actor(Role.IT_STAFF));

        assertThat(custody.countEvents(id)).as("registered, updated, medium added, medium removed").isEqualTo(4);
    }
}
