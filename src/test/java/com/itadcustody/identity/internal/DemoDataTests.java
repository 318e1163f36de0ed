package com.itadcustody.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.itadcustody.shared.DataSettings;
import com.itadcustody.shared.Role;
import com.itadcustody.shared.database.DatabaseRoles;
import com.itadcustody.support.TestDatabase;
import com.itadcustody.vendor.internal.JdbcVendors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import liquibase.integration.spring.SpringLiquibase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Runs the demo data initializer by hand (not through the profile) against a database of its own on the test
 * server, holding only the identity schema, so that "first start" really means an empty user table.
 */
class DemoDataTests {

    @TempDir
    Path dataDir;

    DatabaseRoles database;
    JdbcClient jdbc;
    BCryptPasswordEncoder passwordEncoder = new BCryptPasswordEncoder(4);
    DemoData demoData;

    @BeforeEach
    void freshIdentitySchema() throws Exception {
        TestDatabase server = TestDatabase.get();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        database = new DatabaseRoles("itad_demo_" + suffix, "itad_demo_owner_" + suffix,
                UUID.randomUUID().toString(), "itad_demo_app_" + suffix, UUID.randomUUID().toString());
        database.provision(server.adminUrl(), server.adminUser(), server.adminPassword());
        String url = DatabaseRoles.withDatabase(server.adminUrl(), database.database());

        SpringLiquibase liquibase = new SpringLiquibase();
        liquibase.setDataSource(new SimpleDriverDataSource(new org.postgresql.Driver(), url, database.owner(),
                database.ownerPassword()));
        liquibase.setChangeLog("classpath:migrations/identity/changelog.xml");
        liquibase.setResourceLoader(new DefaultResourceLoader());
        liquibase.afterPropertiesSet();

        SimpleDriverDataSource app = new SimpleDriverDataSource(new org.postgresql.Driver(), url, database.app(),
                database.appPassword());
        jdbc = JdbcClient.create(app);
        JdbcVendors vendors = new JdbcVendors(jdbc);
        demoData = new DemoData(new JdbcUsers(jdbc, passwordEncoder, vendors), vendors,
                new DataSourceTransactionManager(app), new DataSettings(dataDir), new MockEnvironment());
    }

    @AfterEach
    void dropDatabase() throws Exception {
        TestDatabase server = TestDatabase.get();
        database.drop(server.adminUrl(), server.adminUser(), server.adminPassword());
    }

    @Test
    void createsTwoVendorsAndSevenUsersOnFirstStart() {
        List<DemoData.DemoLogin> logins = demoData.createOnFirstStart();

        assertThat(logins).extracting(DemoData.DemoLogin::username).containsExactlyInAnyOrder("it.staff",
                "asset.manager", "verifier", "compliance", "admin", "vendor.greencycle", "vendor.secureshred");
        assertThat(count("app_user")).isEqualTo(7);
        assertThat(jdbc.sql("select name from vendor order by name").query(String.class).list())
                .containsExactly("GreenCycle ITAD", "SecureShred Partners");
        assertThat(jdbc.sql("select unnest(roles) from app_user").query(String.class).list())
                .containsExactlyInAnyOrder("IT_STAFF", "ASSET_MANAGER", "VERIFIER", "COMPLIANCE", "ADMIN", "VENDOR",
                        "VENDOR");
        assertThat(jdbc.sql("select count(*) from app_user where 'VENDOR' = any (roles) and vendor_id is not null")
                .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void givesEveryDemoUserItsOwnRandomPassword() {
        List<DemoData.DemoLogin> logins = demoData.createOnFirstStart();

        assertThat(logins).allSatisfy(login -> {
            assertThat(login.password()).hasSizeGreaterThanOrEqualTo(16).isNotEqualTo(login.username());
            String hash = jdbc.sql("select password_hash from app_user where username = ?").param(login.username())
                    .query(String.class).single();
            assertThat(passwordEncoder.matches(login.password(), hash)).isTrue();
        });
        assertThat(logins).extracting(DemoData.DemoLogin::password).doesNotHaveDuplicates();
    }

    @Test
    void writesTheCredentialsToAFileOnlyItsOwnerCanRead() throws Exception {
        List<DemoData.DemoLogin> logins = demoData.createOnFirstStart();

        Path file = dataDir.resolve("demo-credentials.txt");
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        String content = Files.readString(file);
        assertThat(logins).allSatisfy(login -> assertThat(content).contains(login.username())
                .contains(login.password()));
    }

    @Test
    void createsNothingOnLaterStarts() throws Exception {
        demoData.createOnFirstStart();
        Path file = dataDir.resolve("demo-credentials.txt");
        String firstContent = Files.readString(file);
        List<String> hashes = jdbc.sql("select password_hash from app_user order by username")
                .query(String.class).list();

        List<DemoData.DemoLogin> second = demoData.createOnFirstStart();

        assertThat(second).isEmpty();
        assertThat(count("app_user")).isEqualTo(7);
        assertThat(count("vendor")).isEqualTo(2);
        assertThat(Files.readString(file)).isEqualTo(firstContent);
        assertThat(jdbc.sql("select password_hash from app_user order by username").query(String.class).list())
                .isEqualTo(hashes);
    }

    @Test
    void usesEveryRoleOnce() {
        List<DemoData.DemoLogin> logins = demoData.createOnFirstStart();

        List<Role> nonVendorRoles = Arrays.stream(Role.values()).filter(role -> role != Role.VENDOR).toList();
        assertThat(logins.stream().flatMap(login -> login.roles().stream()).filter(role -> role != Role.VENDOR))
                .containsExactlyInAnyOrderElementsOf(nonVendorRoles);
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
