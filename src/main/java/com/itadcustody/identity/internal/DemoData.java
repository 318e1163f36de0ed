package com.itadcustody.identity.internal;

import com.itadcustody.identity.NewUser;
import com.itadcustody.identity.Users;
import com.itadcustody.shared.Actor;
import com.itadcustody.shared.DataSettings;
import com.itadcustody.shared.Role;
import com.itadcustody.vendor.Vendor;
import com.itadcustody.vendor.Vendors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo organisations and users for a first look at the service: on the first start (no users at all) two
 * vendor organisations, one user per role and one vendor user per organisation, each with a random password
 * that is logged once and written to {@code <data dir>/demo-credentials.txt} (readable by the owner only).
 * Later starts create nothing and only say where that file is.
 */
@Component
@Profile(DemoProfile.PROFILE)
class DemoData implements ApplicationRunner {

    static final String CREDENTIALS_FILE = "demo-credentials.txt";
    static final List<String> VENDORS = List.of("GreenCycle ITAD", "SecureShred Partners");
    static final int PASSWORD_LENGTH = 20;

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final String PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Users users;
    private final Vendors vendors;
    private final TransactionTemplate transaction;
    private final DataSettings dataSettings;
    private final Environment environment;

    /** Creates the initializer; it does its work when run. */
    DemoData(Users users, Vendors vendors, PlatformTransactionManager transactionManager,
            DataSettings dataSettings, Environment environment) {
        this.users = users;
        this.vendors = vendors;
        this.transaction = new TransactionTemplate(transactionManager);
        this.dataSettings = dataSettings;
        this.environment = environment;
    }

    /** A demo login as written to the credentials file. */
    record DemoLogin(String username, String password, Set<Role> roles, String vendor) {
    }

    @Override
    public void run(ApplicationArguments args) {
        createOnFirstStart();
    }

    /** Creates the demo data if there are no users yet; answers the logins created (empty on later starts). */
    List<DemoLogin> createOnFirstStart() {
        Path file = dataSettings.resolve(CREDENTIALS_FILE);
        List<DemoLogin> logins = transaction.execute(status -> {
            if (users.count() > 0) {
                return List.of();
            }
            List<DemoLogin> created = create();
            write(file, created);
            return created;
        });
        if (logins.isEmpty() && Files.exists(file)) {
            log.info("Demo data exists already; the demo logins created on the first start are in {}", file);
        } else if (logins.isEmpty()) {
            log.info("Users exist already; no demo data created (and no demo logins in {})", file);
        } else {
            log.info(banner(logins, file));
        }
        return logins;
    }

    private List<DemoLogin> create() {
        Actor system = Actor.system();
        List<DemoLogin> logins = new ArrayList<>();
        logins.add(user("it.staff", "Demo IT Staff", Role.IT_STAFF, null));
        logins.add(user("asset.manager", "Demo Asset Manager", Role.ASSET_MANAGER, null));
        logins.add(user("verifier", "Demo Sanitization Verifier", Role.VERIFIER, null));
        logins.add(user("compliance", "Demo Compliance Officer", Role.COMPLIANCE, null));
        logins.add(user("admin", "Demo Administrator", Role.ADMIN, null));
        for (String name : VENDORS) {
            Vendor vendor = vendors.register(name, system);
            String slug = name.toLowerCase().split(" ")[0];
            logins.add(user("vendor." + slug, name + " (demo vendor user)", Role.VENDOR, vendor));
        }
        return logins;
    }

    private DemoLogin user(String username, String displayName, Role role, Vendor vendor) {
        String password = randomPassword();
        UUID vendorId = vendor == null ? null : vendor.id();
        users.register(new NewUser(username, displayName, username + "@demo.itadcustody.invalid", password,
                Set.of(role), vendorId), Actor.system());
        return new DemoLogin(username, password, Set.of(role), vendor == null ? null : vendor.name());
    }

    static String randomPassword() {
        StringBuilder password = new StringBuilder(PASSWORD_LENGTH);
        for (int i = 0; i < PASSWORD_LENGTH; i++) {
            password.append(PASSWORD_ALPHABET.charAt(RANDOM.nextInt(PASSWORD_ALPHABET.length())));
        }
        return password.toString();
    }

    private static void write(Path file, List<DemoLogin> logins) {
        StringBuilder text = new StringBuilder();
        text.append("# ITAD Custody demo logins, generated on the first start. Change or disable them before\n")
                .append("# showing the service to anyone; this file is not read by the service.\n");
        for (DemoLogin login : logins) {
            text.append(String.format("%-22s %-22s %s%n", login.username(), login.password(),
                    login.roles().iterator().next() + (login.vendor() == null ? "" : " (" + login.vendor() + ")")));
        }
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the demo credentials to " + file, e);
        }
    }

    private String banner(List<DemoLogin> logins, Path file) {
        String line = "=".repeat(78);
        StringBuilder banner = new StringBuilder("\n").append(line).append('\n')
                .append(" DEMO LOGINS (shown once; also saved to ").append(file).append(")\n");
        String port = environment.getProperty("local.server.port");
        if (port != null) {
            banner.append(" Sign in at http://localhost:").append(port).append("/login\n");
        }
        banner.append(line).append('\n');
        for (DemoLogin login : logins) {
            banner.append(String.format("  %-22s %-22s %s%n", login.username(), login.password(),
                    login.roles().iterator().next() + (login.vendor() == null ? "" : " (" + login.vendor() + ")")));
        }
        return banner.append(line).toString();
    }
}
