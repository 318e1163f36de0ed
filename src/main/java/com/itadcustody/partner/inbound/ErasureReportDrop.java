package com.itadcustody.partner.inbound;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.itadcustody.shared.DomainRuleViolated;
import com.itadcustody.shared.InputRejected;
import com.itadcustody.shared.NotFound;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.dsl.Pollers;
import org.springframework.integration.file.DefaultDirectoryScanner;
import org.springframework.integration.file.filters.AcceptAllFileListFilter;

/**
 * The vendors' file drop (on only when {@code itad.partner.drop.root} is set): a Spring Integration file inbound
 * adapter polls every vendor's inbox, {@code <root>/<vendor id>/inbox}, and hands each file to
 * {@link ErasureReports} as that vendor's delivery. A processed file (also a duplicate) moves to
 * {@code <root>/<vendor id>/processed/}, a refused one to {@code failed/}, each with {@code <name>.result.json}
 * beside it. Files whose names start with a dot or end in {@code .part} or {@code .tmp} are still being written
 * and are left alone: write under such a name, then rename.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${itad.partner.drop.root:}'.trim() != ''")
class ErasureReportDrop {

    private static final Logger log = LoggerFactory.getLogger(ErasureReportDrop.class);

    @Bean
    IntegrationFlow erasureReportDropFlow(DropSettings settings, ErasureReports reports, ObjectMapper mapper) {
        File root = new File(settings.root().strip());
        if (!root.isDirectory() && !root.mkdirs()) {
            throw new IllegalStateException("itad.partner.drop.root " + root + " is not a directory and cannot be"
                    + " created");
        }
        ObjectMapper results = mapper.copy().enable(SerializationFeature.INDENT_OUTPUT);
        log.info("Erasure report drop: polling {}/<vendor id>/inbox every {}", root, settings.pollInterval());
        return IntegrationFlow.from(org.springframework.integration.file.dsl.Files.inboundAdapter(root)
                                .scanner(new InboxScanner()),
                        e -> e.poller(Pollers.fixedDelay(settings.pollInterval()).maxMessagesPerPoll(20)))
                .handle(File.class, (file, headers) -> {
                    deliver(file.toPath(), reports, results);
                    return null;
                })
                .get();
    }

    /** Lists the files waiting in {@code <root>/<uuid>/inbox}, ignoring ones still being written. */
    static final class InboxScanner extends DefaultDirectoryScanner {

        InboxScanner() {
            setFilter(new AcceptAllFileListFilter<>());
        }

        @Override
        protected File[] listEligibleFiles(File root) {
            List<File> files = new ArrayList<>();
            File[] vendors = root.listFiles(File::isDirectory);
            if (vendors == null) {
                return new File[0];
            }
            for (File vendor : vendors) {
                if (vendorId(vendor.getName()) == null) {
                    continue;
                }
                File[] waiting = new File(vendor, "inbox").listFiles(f -> f.isFile() && ready(f.getName()));
                if (waiting != null) {
                    files.addAll(List.of(waiting));
                }
            }
            return files.toArray(File[]::new);
        }

        private static boolean ready(String name) {
            return !name.startsWith(".") && !name.endsWith(".part") && !name.endsWith(".tmp");
        }
    }

    static UUID vendorId(String directory) {
        try {
            return UUID.fromString(directory);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Delivers one dropped file and moves it aside with its result. */
    static void deliver(Path file, ErasureReports reports, ObjectMapper results) {
        if (!Files.isRegularFile(file)) {
            return;
        }
        Path vendorDir = file.getParent().getParent();
        UUID vendorId = vendorId(vendorDir.getFileName().toString());
        String name = file.getFileName().toString();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("file", name);
        result.put("receivedAt", Instant.now().toString());
        String folder;
        try (InputStream in = Files.newInputStream(file)) {
            ErasureReportResult delivered = reports.receive(vendorId, name, in, Files.size(file),
                    ErasureReports.Source.DROP, null);
            folder = "processed";
            result.put("status", delivered.duplicate() ? "DUPLICATE" : "PROCESSED");
            result.put("report", delivered.report());
            result.put("lines", delivered.lines());
        } catch (InputRejected e) {
            folder = "failed";
            result.put("status", "REFUSED");
            result.put("type", e.type());
            result.put("reason", e.getMessage());
            result.put("errors", e.problems());
            result.put("totalErrors", e.totalProblems());
        } catch (NotFound | DomainRuleViolated e) {
            folder = "failed";
            result.put("status", "REFUSED");
            result.put("type", e instanceof DomainRuleViolated d ? d.rule() : "not-found");
            result.put("reason", e.getMessage());
        } catch (IOException | RuntimeException e) {
            log.warn("Erasure report {} of vendor {} could not be processed", name, vendorId, e);
            folder = "failed";
            result.put("status", "ERROR");
            result.put("reason", "the file could not be processed (" + e.getClass().getSimpleName()
                    + "); nothing was applied from it unless the result of a later delivery says so; drop it again"
                    + " or ask IT staff");
        }
        try {
            Path target = vendorDir.resolve(folder);
            Files.createDirectories(target);
            Path moved = target.resolve(name);
            if (Files.exists(moved)) {
                moved = target.resolve(name + "." + System.currentTimeMillis());
            }
            Files.move(file, moved, StandardCopyOption.ATOMIC_MOVE);
            Path report = target.resolve(moved.getFileName() + ".result.json");
            Path partial = target.resolve("." + report.getFileName() + ".part");
            results.writeValue(partial.toFile(), result);
            Files.move(partial, report, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            log.info("Erasure report {} of vendor {}: {} ({})", name, vendorId, result.get("status"), folder);
        } catch (IOException e) {
            throw new UncheckedIOException("could not move " + file + " aside", e);
        }
    }
}
