package com.itadcustody.asset.license;

import static com.itadcustody.asset.license.LicenseFixtures.actor;
import static com.itadcustody.asset.license.LicenseFixtures.terms;
import static com.itadcustody.asset.license.LicenseFixtures.violation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.http.HttpStatus.CONFLICT;
import static org.springframework.http.HttpStatus.UNPROCESSABLE_ENTITY;

import com.itadcustody.shared.Actor;
import com.itadcustody.shared.PageResult;
import com.itadcustody.shared.Role;
import com.itadcustody.support.IntegrationTest;
import java.math.BigDecimal;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;

class LicensePoolServiceTests extends IntegrationTest {

    @Autowired
    LicensePoolService pools;

    @Autowired
    SeatService seats;

    @Autowired
    JdbcTemplate jdbc;

    LicenseFixtures fixtures;
    final Actor manager = actor(Role.ASSET_MANAGER);

    @BeforeEach
    void fixtures() {
        fixtures = new LicenseFixtures(jdbc);
    }

    @Test
    void createsPoolWithEverySeatFreeAndRecordsTheCreator() {
        PoolUsage created = pools.create(terms(LicenseMetric.PER_DEVICE, 10), manager);

        PoolUsage read = pools.get(created.pool().id());
        assertThat(read.seatsAssigned()).isZero();
        assertThat(read.seatsFree()).isEqualTo(10);
        assertThat(read.pool().version()).isZero();
        assertThat(read.pool().createdBy()).isEqualTo(manager.userId());
        assertThat(read.pool().updatedBy()).isEqualTo(manager.userId());
        assertThat(read.pool().terms()).isEqualTo(created.pool().terms());
    }

    @Test
    void refusesCurrencyThatIsNotIso4217() {
        assertThatThrownBy(() -> new PoolTerms("Contoso", "Office", LicenseMetric.PER_USER, 5, null,
                new BigDecimal("10.00"), "XYZ"))
                .satisfies(violation(UNPROCESSABLE_ENTITY, "unknown-currency", "currency"));
        assertThatThrownBy(() -> new PoolTerms("Contoso", "Office", LicenseMetric.PER_USER, 5, null,
                new BigDecimal("10.00"), "eur"))
                .satisfies(violation(UNPROCESSABLE_ENTITY, "unknown-currency", "currency"));
    }

    @Test
    void refusesCostWithoutCurrency() {
        assertThatThrownBy(() -> new PoolTerms("Contoso", "Office", LicenseMetric.PER_USER, 5, null,
                new BigDecimal("10.00"), null))
                .satisfies(violation(UNPROCESSABLE_ENTITY, "currency-required", "currency"));
    }

    @Test
    void acceptsPoolWithoutCost() {
        PoolUsage created = pools.create(new PoolTerms("Contoso", "Free tool " + UUID.randomUUID(),
                LicenseMetric.SUBSCRIPTION, 0, null, null, null), manager);

        assertThat(pools.get(created.pool().id()).pool().terms().cost()).isNull();
    }

    @Test
    void refusesChangeBasedOnStaleVersion() {
        UUID id = pools.create(terms(LicenseMetric.PER_USER, 5), manager).pool().id();
        pools.update(id, 0, terms(LicenseMetric.PER_USER, 6), manager);

        assertThatThrownBy(() -> pools.update(id, 0, terms(LicenseMetric.PER_USER, 7), manager))
                .isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(pools.get(id).pool().terms().seatsOwned()).isEqualTo(6);
    }

    @Test
    void changesTermsRaisingVersionAndRecordingTheUpdater() {
        UUID id = pools.create(terms(LicenseMetric.PER_USER, 5), manager).pool().id();
        Actor admin = actor(Role.ADMIN);

        PoolUsage updated = pools.update(id, 0, terms(LicenseMetric.CONCURRENT, 8), admin);

        assertThat(updated.pool().version()).isEqualTo(1);
        assertThat(updated.pool().terms().metric()).isEqualTo(LicenseMetric.CONCURRENT);
        assertThat(updated.pool().createdBy()).isEqualTo(manager.userId());
        assertThat(updated.pool().updatedBy()).isEqualTo(admin.userId());
        assertThat(updated.seatsFree()).isEqualTo(8);
    }

    @Test
    void refusesOwningFewerSeatsThanAreAssigned() {
        UUID id = pools.create(terms(LicenseMetric.PER_DEVICE, 3), manager).pool().id();
        seats.assign(id, SeatTarget.device(fixtures.assetInService()), manager);
        seats.assign(id, SeatTarget.device(fixtures.assetInService()), manager);

        assertThatThrownBy(() -> pools.update(id, 0, terms(LicenseMetric.PER_DEVICE, 1), manager))
                .satisfies(violation(CONFLICT, "seats-below-assigned", "seatsOwned"));

        PoolUsage reducedToAssigned = pools.update(id, 0, terms(LicenseMetric.PER_DEVICE, 2), manager);
        assertThat(reducedToAssigned.seatsFree()).isZero();
    }

    @Test
    void refusesMetricChangeThatNoLongerFitsTheActiveSeats() {
        UUID id = pools.create(terms(LicenseMetric.CONCURRENT, 3), manager).pool().id();
        seats.assign(id, SeatTarget.person("alice@example.com"), manager);

        assertThatThrownBy(() -> pools.update(id, 0, terms(LicenseMetric.PER_DEVICE, 3), manager))
                .satisfies(violation(CONFLICT, "metric-conflicts-with-seats", "metric"));
        assertThat(pools.update(id, 0, terms(LicenseMetric.PER_USER, 3), manager).pool().terms().metric())
                .isEqualTo(LicenseMetric.PER_USER);
    }

    @Test
    void listsPoolsFilteredSortedAndPaged() {
        String publisher = "Publisher " + UUID.randomUUID();
        for (int seatsOwned = 1; seatsOwned <= 5; seatsOwned++) {
            pools.create(new PoolTerms(publisher, "Product " + seatsOwned, seatsOwned % 2 == 0
                    ? LicenseMetric.PER_USER : LicenseMetric.PER_DEVICE, seatsOwned, null, null, null), manager);
        }

        PageResult<PoolUsage> firstPage = pools.list(new PoolQuery(publisher.toUpperCase(), null, null,
                "seatsOwned", false, 0, 2));
        assertThat(firstPage.totalElements()).isEqualTo(5);
        assertThat(firstPage.totalPages()).isEqualTo(3);
        assertThat(firstPage.content()).extracting(p -> p.pool().terms().seatsOwned()).containsExactly(5, 4);

        PageResult<PoolUsage> lastPage = pools.list(new PoolQuery(publisher, null, null, "seatsOwned", false, 2, 2));
        assertThat(lastPage.content()).extracting(p -> p.pool().terms().seatsOwned()).containsExactly(1);

        PageResult<PoolUsage> perUser = pools.list(new PoolQuery(publisher, "product", LicenseMetric.PER_USER,
                "product", true, 0, 10));
        assertThat(perUser.content()).extracting(p -> p.pool().terms().product())
                .containsExactly("Product 2", "Product 4");
    }

    @Test
    void treatsLikeWildcardsInFiltersAsPlainText() {
        String publisher = "Pub_" + UUID.randomUUID();
        pools.create(new PoolTerms(publisher, "100% Tool", LicenseMetric.PER_USER, 1, null, null, null), manager);
        pools.create(new PoolTerms(publisher, "100x Tool", LicenseMetric.PER_USER, 1, null, null, null), manager);

        PageResult<PoolUsage> found = pools.list(new PoolQuery(publisher, "0%", null, "product", true, 0, 10));

        assertThat(found.content()).extracting(p -> p.pool().terms().product()).containsExactly("100% Tool");
    }
}
