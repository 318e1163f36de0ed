package com.itadcustody.bench;

import static com.itadcustody.bench.BenchStats.median;

import com.itadcustody.identity.NewUser;
import com.itadcustody.identity.User;
import com.itadcustody.identity.UserChange;
import com.itadcustody.identity.Users;
import com.itadcustody.shared.Actor;
import com.itadcustody.shared.Role;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 7 benchmark (run only with {@code -Pbench}): server time of the staff console's pages against a database
 * the {@code seed} command filled (docs/seed-data.md; by default {@code itad_seed100k} on 127.0.0.1 with the roles
 * {@code itad_seed_owner} / {@code itad_seed_app}). One user holding every staff role signs in through the login
 * form; each page is one row, requested one at a time over HTTP on localhost. Server time is measured by a servlet
 * filter ahead of Spring Security (first byte of the request in the filter to the filter's return, so it includes
 * authentication, the controller, the queries and the template); the client time on localhost and the request
 * thread's CPU time (what the page costs the JVM, whatever the machine's load) are given beside it.
 * Each run requests every page {@link #PER_RUN} times; the table gives the medians over {@link #RUNS} runs of each
 * run's median and p95. Baselines in the same run: the login page (a trivial template), {@code /actuator/health},
 * and a raw {@code select count(*) from asset} over JDBC. A page that answers 404 is reported as not built. At the
 * end it runs the full custody audit from the compliance page and reports its outcome. Writes
 * target/bench/console-pages.md.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        classes = {com.itadcustody.ItadCustodyApplication.class, ConsolePageBenchmark.Timing.class})
class ConsolePageBenchmark {

    static final int RUNS = Integer.getInteger("bench.runs", 5);
    static final int PER_RUN = Integer.getInteger("bench.console.requests", 20);
    static final int WARMUP = Integer.getInteger("bench.console.warmup", 15);
    static final String PASSWORD = "bench-console-" + UUID.randomUUID();
    static final Map<String, Long> SERVER_NANOS = new ConcurrentHashMap<>();
    static final Map<String, Long> SERVER_CPU_NANOS = new ConcurrentHashMap<>();
    static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();
    /** Only the rows whose name matches this regular expression (all by default), e.g. to profile one page. */
    static final Pattern ONLY = Pattern.compile(System.getProperty("bench.console.only", ".*"));

    /** Rows: name and address; {@code {long}} and {@code {asset}} are asset ids, {@code {from}}/{@code {to}} dates. */
    static final List<String[]> PAGES = List.of(
            new String[] {"dashboard", "/"},
            new String[] {"asset list, first page", "/assets"},
            new String[] {"asset list, filtered (laptops in service)", "/assets?type=LAPTOP&status=IN_SERVICE"},
            new String[] {"asset list, filtered (disposed), recently changed first",
                "/assets?status=DISPOSED&sort=updatedAt,desc"},
            new String[] {"asset list, search by serial", "/assets?q={serial}"},
            new String[] {"asset list, search by text", "/assets?q=ThinkPad"},
            new String[] {"asset list, deep page (page 1,000)", "/assets?page=1000"},
            new String[] {"asset page, longest history", "/assets/{long}"},
            new String[] {"asset page, in service", "/assets/{asset}"},
            new String[] {"tasks", "/tasks"},
            new String[] {"lots", "/lots"},
            new String[] {"lot page, largest lot", "/lots/{lot}"},
            new String[] {"new lot (retirements ready for a handoff)", "/lots/new"},
            new String[] {"custody entry, latest", "/custody/entries/{seq}"},
            new String[] {"exceptions", "/exceptions"},
            new String[] {"certificates", "/certificates"},
            new String[] {"certificates, search", "/certificates?q=COD"},
            new String[] {"compliance", "/compliance"},
            new String[] {"compliance reports, last 18 months", "/compliance/reports?from={from}&to={to}"},
            new String[] {"compliance reports, last quarter", "/compliance/reports?from={quarter}&to={to}"},
            new String[] {"custody log (checkpoints, audits)", "/compliance/custody"},
            new String[] {"verification history", "/compliance/verifications"},
            new String[] {"evidence packs", "/compliance/evidence-packs"},
            new String[] {"evidence pack, new", "/compliance/evidence-packs/new"},
            new String[] {"retirement start", "/retirements/new"},
            new String[] {"admin: users", "/admin/users"},
            new String[] {"admin: vendors", "/admin/vendors"},
            new String[] {"admin: signing keys", "/admin/keys"},
            new String[] {"admin: SLA durations", "/admin/sla"},
            new String[] {"admin: connectors", "/admin/connectors"});

    @DynamicPropertySource
    static void seededDatabase(DynamicPropertyRegistry registry) {
        String url = System.getProperty("bench.console.db-url", "jdbc:postgresql://127.0.0.1:5432/itad_seed100k");
        registry.add("itad.db.url", () -> url);
        registry.add("itad.db.user", () -> System.getProperty("bench.console.db-user", "itad_seed_app"));
        registry.add("itad.db.password", () -> System.getProperty("bench.console.db-password", "seed-app"));
        registry.add("itad.db.migration-user", () -> System.getProperty("bench.console.db-owner", "itad_seed_owner"));
        registry.add("itad.db.migration-password",
                () -> System.getProperty("bench.console.db-owner-password", "seed-owner"));
        registry.add("itad.data-dir", () -> System.getProperty("bench.console.data-dir", "data-seed"));
        registry.add("itad.demo.enabled", () -> "false");
        // no engine jobs (SLA timers of the seeded retirements) running beside the measurement
        registry.add("camunda.bpm.job-execution.enabled", () -> "false");
    }

    /** The timing filter, ahead of every other filter. */
    @TestConfiguration
    static class Timing {
        @Bean
        FilterRegistrationBean<Filter> benchTimingFilter() {
            FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
                long started = System.nanoTime();
                long cpu = THREADS.getCurrentThreadCpuTime();
                try {
                    chain.doFilter(request, response);
                } finally {
                    String id = ((HttpServletRequest) request).getHeader("X-Bench-Request");
                    if (id != null) {
                        SERVER_NANOS.put(id, System.nanoTime() - started);
                        SERVER_CPU_NANOS.put(id, THREADS.getCurrentThreadCpuTime() - cpu);
                    }
                }
            });
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            return registration;
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    Users users;

    @Autowired
    JdbcTemplate jdbc;

    final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

    /** One page's timings in one run, in milliseconds. */
    record Sample(List<Double> server, List<Double> client, List<Double> cpu) {
    }

    @Test
    void staffConsolePagesOnTheSeededDatabase() throws Exception {
        awaitCustodyInboxDrained();
        signIn(benchUser());
        Map<String, String> values = placeholders();
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("baseline: login page (trivial template, no session)", "/login");
        rows.put("baseline: /actuator/health", "/actuator/health");
        Map<String, String> notBuilt = new LinkedHashMap<>();
        for (String[] page : PAGES) {
            if (!ONLY.matcher(page[0]).find()) {
                continue;
            }
            String path = resolve(page[1], values);
            if (path == null) {
                notBuilt.put(page[0], page[1] + " (no data for its placeholder)");
                continue;
            }
            HttpResponse<String> first = get(path, null);
            if (first.statusCode() == 404) {
                notBuilt.put(page[0], path + " (404)");
                continue;
            }
            rows.put(page[0], path);
            if (page[1].startsWith("/compliance/reports?from={from}")) {
                for (String link : exports(first.body())) {
                    rows.put(page[0] + ": " + link.replaceAll("^.*/([^/?]+)(\\?.*)?$", "$1"), link);
                }
            }
        }
        Map<String, Integer> status = new LinkedHashMap<>();
        Map<String, Integer> bytes = new LinkedHashMap<>();
        for (int w = 0; w < WARMUP; w++) {
            for (Map.Entry<String, String> row : rows.entrySet()) {
                HttpResponse<String> r = get(row.getValue(), null);
                status.put(row.getKey(), r.statusCode());
                bytes.put(row.getKey(), r.body().length());
            }
        }
        Map<String, List<Sample>> samples = new LinkedHashMap<>();
        List<Double> sqlCount = new ArrayList<>();
        String loadBefore = Files.readString(Path.of("/proc/loadavg")).trim();
        double busyBefore = BenchStats.machineBusySeconds();
        long wallBefore = System.nanoTime();
        for (int run = 0; run < RUNS; run++) {
            for (Map.Entry<String, String> row : rows.entrySet()) {
                List<Double> server = new ArrayList<>();
                List<Double> client = new ArrayList<>();
                List<Double> cpu = new ArrayList<>();
                for (int i = 0; i < PER_RUN; i++) {
                    String id = UUID.randomUUID().toString();
                    long t = System.nanoTime();
                    HttpResponse<String> r = get(row.getValue(), id);
                    client.add((System.nanoTime() - t) / 1e6);
                    Long nanos = SERVER_NANOS.remove(id);
                    server.add(nanos == null ? Double.NaN : nanos / 1e6);
                    Long cpuNanos = SERVER_CPU_NANOS.remove(id);
                    cpu.add(cpuNanos == null ? Double.NaN : cpuNanos / 1e6);
                    status.put(row.getKey(), r.statusCode());
                }
                samples.computeIfAbsent(row.getKey(), k -> new ArrayList<>()).add(new Sample(server, client, cpu));
            }
            for (int i = 0; i < PER_RUN; i++) {
                long t = System.nanoTime();
                jdbc.queryForObject("select count(*) from asset", Long.class);
                sqlCount.add((System.nanoTime() - t) / 1e6);
            }
            System.out.printf("console pages: run %d of %d done%n", run + 1, RUNS);
        }
        double busy = (BenchStats.machineBusySeconds() - busyBefore) / ((System.nanoTime() - wallBefore) / 1e9);
        String load = "before " + loadBefore + ", after " + Files.readString(Path.of("/proc/loadavg")).trim();
        String report = report(rows, samples, status, bytes, notBuilt, sqlCount, values, busy, load)
                + fullCustodyAudit();
        System.out.println(report);
        Path out = Path.of("target", "bench", "console-pages.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    /**
     * Runs the full custody audit from the compliance page (as a compliance officer would) after the measurement and
     * reports its outcome and how long it took: the seeded log must pass it.
     */
    private String fullCustodyAudit() throws InterruptedException {
        Matcher csrf = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"")
                .matcher(get("/compliance/custody", null).body());
        if (!csrf.find()) {
            return "\nFull custody audit: not started (no form on /compliance/custody).\n";
        }
        long started = System.nanoTime();
        HttpResponse<String> start = send(HttpRequest.newBuilder(URI.create(base() + "/compliance/custody/audits"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + URLEncoder.encode(csrf.group(1),
                        StandardCharsets.UTF_8))));
        String location = start.headers().firstValue("Location").orElse("");
        if (start.statusCode() != 302 || !location.contains("/compliance/custody/audits/")) {
            return "\nFull custody audit: not started (" + start.statusCode() + ").\n";
        }
        String path = location.substring(location.indexOf("/compliance/custody/audits/"));
        String state = "";
        for (int i = 0; i < 1200; i++) {
            state = get(path + "/state", null).body();
            if (state.contains("\"finished\":true")) {
                break;
            }
            Thread.sleep(500);
        }
        return "\nFull custody audit from the compliance page after the measurement: %s (%.1f s).\n".formatted(
                state.replaceAll(".*\"state\":\"([^\"]*)\".*", "$1") + ", "
                        + state.replaceAll(".*\"done\":([0-9]+).*", "$1") + " entries checked",
                (System.nanoTime() - started) / 1e9);
    }

    private String report(Map<String, String> rows, Map<String, List<Sample>> samples, Map<String, Integer> status,
            Map<String, Integer> bytes, Map<String, String> notBuilt, List<Double> sqlCount,
            Map<String, String> values, double busy, String load) {
        StringBuilder md = new StringBuilder();
        md.append("## Staff console pages on the seeded database (%d runs of %d requests per page, medians of the"
                .formatted(RUNS, PER_RUN)).append(" runs)\n\n");
        md.append(dataShape()).append("\n\n");
        md.append("| page | address | status | KB | server median ms | server p95 ms | client median ms"
                + " | request thread CPU median ms | ≤ 300 ms |\n");
        md.append("|---|---|---|---|---|---|---|---|---|\n");
        for (Map.Entry<String, String> row : rows.entrySet()) {
            List<Sample> s = samples.get(row.getKey());
            double serverMedian = median(s.stream().map(x -> percentile(x.server(), 50)).toList());
            double serverP95 = median(s.stream().map(x -> percentile(x.server(), 95)).toList());
            double clientMedian = median(s.stream().map(x -> percentile(x.client(), 50)).toList());
            double cpuMedian = median(s.stream().map(x -> percentile(x.cpu(), 50)).toList());
            md.append("| %s | `%s` | %d | %.0f | %.1f | %.1f | %.1f | %.1f | %s |\n".formatted(row.getKey(),
                    shorten(row.getValue(), values), status.get(row.getKey()), bytes.get(row.getKey()) / 1024.0,
                    serverMedian, serverP95, clientMedian, cpuMedian, serverP95 <= 300 ? "yes" : "**no**"));
        }
        double sqlMedian = percentile(sqlCount, 50);
        md.append("| baseline: `select count(*) from asset` over JDBC | — | — | — | %.1f | %.1f | — | — | |\n"
                .formatted(sqlMedian, percentile(sqlCount, 95)));
        if (!notBuilt.isEmpty()) {
            md.append("\nNot measured (the page is not there in this build): ")
                    .append(notBuilt.entrySet().stream().map(e -> e.getKey() + " `" + e.getValue() + "`")
                            .collect(Collectors.joining("; ")))
                    .append(".\n");
        }
        md.append("\nMachine busy while measuring: %.0f%% of %d vCPU; load average (1, 5, 15 min) %s.\n".formatted(
                busy * 100 / Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().availableProcessors(),
                load));
        return md.toString();
    }

    private String dataShape() {
        return jdbc.queryForObject("""
                select format('Database: %s assets, %s storage media, %s active license seats, %s retirements (%s),'
                    || ' %s lots, %s certificates, %s custody log entries.',
                    (select count(*) from asset), (select count(*) from storage_medium),
                    (select count(*) from seat_assignment where released_at is null),
                    (select count(*) from retirement_request),
                    (select string_agg(status || ' ' || n, ', ' order by n desc)
                       from (select status, count(*) n from retirement_request group by status) s),
                    (select count(*) from lot), (select count(*) from certificate),
                    (select count(*) from custody_entry))""", String.class);
    }

    /** Values for the addresses' placeholders, from the seeded data. */
    private Map<String, String> placeholders() {
        Map<String, String> values = new LinkedHashMap<>();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        values.put("from", today.minusMonths(18).toString());
        values.put("quarter", today.minusMonths(3).toString());
        values.put("to", today.toString());
        // the asset with the most custody events (a retired one: registration, seats, every workflow step)
        jdbc.query("""
                select asset_id from custody_entry where asset_id in (
                    select asset_id from retirement_request where status = 'CLOSED' order by requested_at limit 200)
                group by asset_id order by count(*) desc limit 1""",
                rs -> {
                    values.put("long", rs.getString(1));
                });
        jdbc.query("select id, serial_number from asset where status = 'IN_SERVICE' and tag like 'SEED-%'"
                + " order by tag offset 4321 limit 1", rs -> {
                    values.put("asset", rs.getString(1));
                    values.put("serial", rs.getString(2));
                });
        jdbc.query("select max(seq) from custody_entry", rs -> {
            values.put("seq", rs.getString(1));
        });
        jdbc.query("select lot_id from lot_item group by lot_id order by count(*) desc limit 1",
                rs -> {
                    values.put("lot", rs.getString(1));
                });
        return values;
    }

    private static String resolve(String template, Map<String, String> values) {
        String path = template;
        Matcher m = Pattern.compile("\\{([a-z]+)}").matcher(template);
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                return null;
            }
            path = path.replace(m.group(), URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
        return path;
    }

    private static String shorten(String path, Map<String, String> values) {
        String shown = path;
        for (Map.Entry<String, String> v : values.entrySet()) {
            if (v.getKey().equals("long") || v.getKey().equals("asset") || v.getKey().equals("lot")) {
                shown = shown.replace(v.getValue(), "{" + v.getKey() + "}");
            }
        }
        return shown;
    }

    /** The CSV export links on a report page, and the signed PDF of all reports. */
    private static Set<String> exports(String html) {
        Set<String> links = new LinkedHashSet<>();
        Matcher m = Pattern.compile("href=\"([^\"]*(?:csv|pdf)[^\"]*)\"", Pattern.CASE_INSENSITIVE).matcher(html);
        while (m.find()) {
            String link = m.group(1).replace("&amp;", "&");
            // every report's CSV, and of the signed PDFs the one with all reports (the largest)
            if (link.startsWith("/") && (!link.contains(".pdf") || link.contains("/all.pdf"))) {
                links.add(link);
            }
        }
        return links;
    }

    private static double percentile(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values.stream().filter(v -> !v.isNaN()).toList());
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank)));
    }

    private User benchUser() {
        Set<Role> roles = Set.of(Role.IT_STAFF, Role.ASSET_MANAGER, Role.VERIFIER, Role.COMPLIANCE, Role.ADMIN);
        User user = users.findByUsername("bench.console").orElseGet(() -> users.register(new NewUser(
                "bench.console", "Bench Console", "bench.console@seed.example", PASSWORD, roles, null),
                Actor.system()));
        if (!user.roles().equals(roles) || !user.enabled()) {
            user = users.change(user.id(), new UserChange(user.displayName(), user.email(), roles, null, true),
                    Actor.system());
        }
        users.changePassword(user.id(), PASSWORD, Actor.system());
        return user;
    }

    private void signIn(User user) {
        HttpResponse<String> login = get("/login", null);
        Matcher csrf = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(login.body());
        if (!csrf.find()) {
            throw new AssertionError("no CSRF token on the login page");
        }
        String form = "username=" + URLEncoder.encode(user.username(), StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
                + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> signedIn = send(HttpRequest.newBuilder(URI.create(base() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        if (signedIn.statusCode() != 302 || signedIn.headers().firstValue("Location").orElse("").contains("error")) {
            throw new AssertionError("sign-in failed: " + signedIn.statusCode() + " " + signedIn.headers().map());
        }
    }

    private void awaitCustodyInboxDrained() throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            Long left = jdbc.queryForObject("select count(*) from custody_inbox", Long.class);
            if (left == null || left == 0) {
                return;
            }
            if (i % 10 == 0) {
                System.out.printf("console pages: waiting for the sequencer, %d custody events left%n", left);
            }
            Thread.sleep(1000);
        }
    }

    private HttpResponse<String> get(String path, String id) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path)).GET();
        if (id != null) {
            request.header("X-Bench-Request", id);
        }
        return send(request);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
