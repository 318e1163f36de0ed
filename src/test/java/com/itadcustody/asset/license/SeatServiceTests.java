package com.itadcustody.asset.license;

import static com.itadcustody.asset.license.LicenseFixtures.actor;
import static com.itadcustody.asset.license.LicenseFixtures.terms;
import static com.itadcustody.asset.license.LicenseFixtures.violation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.http.HttpStatus.CONFLICT;
import static org.springframework.http.HttpStatus.UNPROCESSABLE_ENTITY;

import com.itadcustody.asset.LicenseSeats;
import com.itadcustody.asset.SeatAssignmentView;
import com.itadcustody.shared.Actor;
import com.itadcustody.shared.NotFound;
import com.itadcustody.shared.Role;
import com.itadcustody.support.IntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class SeatServiceTests extends IntegrationTest {

    @Autowired
    LicensePoolService pools;

    @Autowired
    SeatService seats;

    @Autowired
    LicenseSeats licenseSeats;

    @Autowired
    JdbcTemplate jdbc;

    LicenseFixtures fixtures;
    final Actor staff = actor(Role.IT_STAFF);
    final Actor manager = actor(Role.ASSET_MANAGER);

    @BeforeEach
    void fixtures() {
        fixtures = new LicenseFixtures(jdbc);
    }

    UUID pool(LicenseMetric metric, int seatsOwned) {
        return pools.create(terms(metric, seatsOwned), manager).pool().id();
    }

    @Test
    void countsFreeSeatsRightAfterAssignAndRelease() {
        UUID pool = pool(LicenseMetric.PER_DEVICE, 3);

        SeatAssignment first = seats.assign(pool, SeatTarget.device(fixtures.assetInService()), staff);
        assertThat(pools.get(pool).seatsAssigned()).isEqualTo(1);
        assertThat(pools.get(pool).seatsFree()).isEqualTo(2);

        seats.assign(pool, SeatTarget.device(fixtures.assetInService()), staff);
        assertThat(pools.get(pool).seatsFree()).isEqualTo(1);

        seats.release(pool, first.id(), staff);
        assertThat(pools.get(pool).seatsAssigned()).isEqualTo(1);
        assertThat(pools.get(pool).seatsFree()).isEqualTo(2);
    }

    @Test
    void recordsWhoAssignedAndWhoReleased() {
        UUID pool = pool(LicenseMetric.PER_USER, 1);
        SeatAssignment seat = seats.assign(pool, SeatTarget.person("  bob@example.com "), staff);

        SeatAssignment released = seats.release(pool, seat.id(), manager);

        SeatAssignment stored = seats.seatsOf(pool, true).get(0);
        assertThat(stored.assignee()).isEqualTo("bob@example.com");
        assertThat(stored.assignedBy()).isEqualTo(staff.userId());
        assertThat(stored.releasedBy()).isEqualTo(manager.userId());
        assertThat(stored.releasedAt()).isEqualTo(released.releasedAt());
        assertThat(stored.assignedAt()).isEqualTo(seat.assignedAt());
    }

    @Test
    void refusesAssignmentWhenNoSeatIsFree() {
        UUID pool = pool(LicenseMetric.PER_USER, 1);
        seats.assign(pool, SeatTarget.person("alice@example.com"), staff);

        assertThatThrownBy(() -> seats.assign(pool, SeatTarget.person("bob@example.com"), staff))
                .satisfies(violation(CONFLICT, "no-free-seats", null));
        assertThat(pools.get(pool).seatsAssigned()).isEqualTo(1);
    }

    @Test
    void refusesAssignmentFromPoolWithoutSeats() {
        UUID pool = pool(LicenseMetric.SUBSCRIPTION, 0);

        assertThatThrownBy(() -> seats.assign(pool, SeatTarget.person("alice@example.com"), staff))
                .satisfies(violation(CONFLICT, "no-free-seats", null));
    }

    @Test
    void refusesSecondSeatOfThePoolForTheSameAsset() {
        UUID pool = pool(LicenseMetric.PER_DEVICE, 5);
        UUID asset = fixtures.assetInService();
        seats.assign(pool, SeatTarget.device(asset), staff);

        assertThatThrownBy(() -> seats.assign(pool, SeatTarget.device(asset), staff))
                .satisfies(violation(CONFLICT, "already-assigned", "assetId"));
    }

    @Test
    void refusesSecondSeatOfThePoolForTheSamePersonWhateverTheCase() {
        UUID pool = pool(LicenseMetric.PER_USER, 5);
        seats.assign(pool, SeatTarget.person("Alice@Example.com"), staff);

        assertThatThrownBy(() -> seats.assign(pool, SeatTarget.person("alice@example.COM"), staff))
                .satisfies(violation(CONFLICT, "already-assigned", "assignee"));
    }

    @Test
    void assignsAgainToTheSameTargetAfterRelease() {
        UUID pool = pool(LicenseMetric.PER_DEVICE, 1);
        UUID asset = fixtures.assetInService();
        SeatAssignment first = seats.assign(pool, SeatTarget.device(asset), staff);
        seats.release(pool, first.id(), staff);

        SeatAssignment second = seats.assign(pool, SeatTarget.device(asset), staff);

        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(seats.seatsOf(pool, true)).hasSize(2);
    }

    @Test
    void refusesPersonSeatFromPerDevicePool() {
        UUID pool = pool(LicenseMetric.PER_DEVICE, 5);

        assertThatThrownBy(() -> seats.assign(pool, SeatTarget.person("alice@example.com"), staff))
                .satisfies(violation(UNPROCESSABLE_ENTITY, "seat-target-mismatch", "assignee"));
    }

    @Test
    void refusesDeviceSeatFromPerUserPool() {
        UUID pool = pool(LicenseMetric.PER_USER, 5);

        assertThatThrownBy(() -> seats.assign(pool, SeatTarget.device(fixtures.assetInService()), staff))
                .satisfies(violation(UNPROCESSABLE_ENTITY, "seat-target-mismatch", "assetId"));
    }

    @Test
    void givesConcurrentAndSubscriptionSeatsToAssetsAndPeopleAlike() {
        for (LicenseMetric metric : new LicenseMetric[] {LicenseMetric.CONCURRENT, LicenseMetric.SUBSCRIPTION}) {
            UUID pool = pool(metric, 2);
            seats.assign(pool, SeatTarget.device(fixtures.assetInService()), staff);
            seats.assign(pool, SeatTarget.person("carol@example.com"), staff);
            assertThat(pools.get(pool).seatsFree()).isZero();
        }
    }

    @Test
    void refusesTargetGivenTwiceOrNotAtAll() {
        assertThatThrownBy(() -> new SeatTarget(UUID.randomUUID(), "alice@example.com"))
                .satisfies(violation(UNPROCESSABLE_ENTITY, "exactly-one-target", "assignee"));
        assertThatThrownBy(() -> new SeatTarget(null, "  "))
                .satisfies(violation(UNPROCESSABLE_ENTITY, "exactly-one-target", "assetId"));
    }

    @Test
    void refusesUnknownAsset() {
        UUID pool = pool(LicenseMetric.PER_DEVICE, 5);

        assertThatThrownBy(() -> seats.assign(pool, SeatTarget.device(UUID.randomUUID()), staff))
                .satisfies(violation(UNPROCESSABLE_ENTITY, "unknown-asset", "assetId"));
    }

    @Test
    void refusesUnknownPool() {
        assertThatThrownBy(() -> seats.assign(UUID.randomUUID(), SeatTarget.person("a@example.com"), staff))
                .isInstanceOf(NotFound.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"DISPOSED", "ARCHIVED", "LOST"})
    void refusesAssetNoLongerInService(String status) {
        UUID pool = pool(LicenseMetric.PER_DEVICE, 5);

        assertThatThrownBy(() -> seats.assign(pool, SeatTarget.device(fixtures.asset(status)), staff))
                .satisfies(violation(CONFLICT, "asset-not-in-service", "assetId"));
        assertThat(pools.get(pool).seatsAssigned()).isZero();
    }

    @Test
    void keepsReleasedSeatsInTheHistory() {
        UUID pool = pool(LicenseMetric.PER_USER, 2);
        SeatAssignment kept = seats.assign(pool, SeatTarget.person("dave@example.com"), staff);
        SeatAssignment released = seats.assign(pool, SeatTarget.person("erin@example.com"), staff);

        seats.release(pool, released.id(), staff);

        assertThat(seats.seatsOf(pool, false)).extracting(SeatAssignment::id).containsExactly(kept.id());
        assertThat(seats.seatsOf(pool, true)).extracting(SeatAssignment::id, SeatAssignment::active)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(kept.id(), true),
                        org.assertj.core.groups.Tuple.tuple(released.id(), false));
        assertThat(jdbc.queryForObject("select count(*) from seat_assignment where pool_id = ?", Integer.class, pool))
                .isEqualTo(2);
    }

    @Test
    void refusesReleasingASeatTwice() {
        UUID pool = pool(LicenseMetric.PER_USER, 1);
        SeatAssignment seat = seats.assign(pool, SeatTarget.person("frank@example.com"), staff);
        seats.release(pool, seat.id(), staff);

        assertThatThrownBy(() -> seats.release(pool, seat.id(), staff))
                .satisfies(violation(CONFLICT, "already-released", null));
    }

    @Test
    void answersNotFoundForSeatOfAnotherPool() {
        UUID pool = pool(LicenseMetric.PER_USER, 1);
        UUID otherPool = pool(LicenseMetric.PER_USER, 1);
        SeatAssignment seat = seats.assign(pool, SeatTarget.person("gina@example.com"), staff);

        assertThatThrownBy(() -> seats.release(otherPool, seat.id(), staff)).isInstanceOf(NotFound.class);
        assertThat(seats.seatsOf(pool, false)).hasSize(1);
    }

    @Test
    void releasesEverySeatOfAnAssetOnceAndLeavesOtherSeatsAlone() {
        UUID asset = fixtures.assetInService();
        UUID otherAsset = fixtures.assetInService();
        UUID office = pool(LicenseMetric.PER_DEVICE, 5);
        UUID antivirus = pool(LicenseMetric.CONCURRENT, 5);
        UUID cad = pool(LicenseMetric.SUBSCRIPTION, 5);
        seats.assign(office, SeatTarget.device(asset), staff);
        seats.assign(antivirus, SeatTarget.device(asset), staff);
        seats.assign(cad, SeatTarget.device(asset), staff);
        seats.assign(office, SeatTarget.device(otherAsset), staff);
        seats.assign(antivirus, SeatTarget.person("henry@example.com"), staff);
        Actor workflow = Actor.system();

        assertThat(licenseSeats.releaseAllSeatsOf(asset, workflow)).isEqualTo(3);
        assertThat(licenseSeats.releaseAllSeatsOf(asset, workflow)).isZero();

        assertThat(licenseSeats.activeSeatsOf(asset)).isEmpty();
        assertThat(licenseSeats.activeSeatsOf(otherAsset)).hasSize(1);
        assertThat(pools.get(office).seatsFree()).isEqualTo(4);
        assertThat(pools.get(antivirus).seatsFree()).isEqualTo(4);
        assertThat(pools.get(cad).seatsFree()).isEqualTo(5);
        assertThat(seats.seatsOf(office, true)).filteredOn(s -> asset.equals(s.assetId()))
                .singleElement().satisfies(s -> assertThat(s.releasedAt()).isNotNull());
    }

    @Test
    void releasesNothingForAnUnknownAsset() {
        assertThat(licenseSeats.releaseAllSeatsOf(UUID.randomUUID(), staff)).isZero();
    }

    @Test
    void listsTheActiveSeatsOfAnAssetWithTheirPool() {
        UUID asset = fixtures.assetInService();
        PoolUsage office = pools.create(terms(LicenseMetric.PER_DEVICE, 2), manager);
        SeatAssignment seat = seats.assign(office.pool().id(), SeatTarget.device(asset), staff);

        assertThat(licenseSeats.activeSeatsOf(asset)).singleElement().isEqualTo(new SeatAssignmentView(seat.id(),
                office.pool().id(), "Contoso", office.pool().terms().product(), "PER_DEVICE", asset,
                seat.assignedAt(), staff.userId()));
        assertThat(seats.seatsOfExistingAsset(asset)).hasSize(1);
        assertThatThrownBy(() -> seats.seatsOfExistingAsset(UUID.randomUUID())).isInstanceOf(NotFound.class);
    }
}
