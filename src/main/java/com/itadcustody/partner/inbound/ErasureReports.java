package com.itadcustody.partner.inbound;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.itadcustody.certificate.Person;
import com.itadcustody.certificate.SanitizationRecord.SanitizationMethodType;
import com.itadcustody.certificate.SanitizationRecord.SanitizationTechnique;
import com.itadcustody.custody.CustodyEvent;
import com.itadcustody.retirement.MediumAwaitingSanitization;
import com.itadcustody.retirement.Retirements;
import com.itadcustody.retirement.SanitizationEntry;
import com.itadcustody.retirement.SanitizationOutcome;
import com.itadcustody.retirement.SanitizationReport;
import com.itadcustody.retirement.VendorSanitizations;
import com.itadcustody.shared.Actor;
import com.itadcustody.shared.DomainRuleViolated;
import com.itadcustody.shared.InputRejected;
import com.itadcustody.shared.NotFound;
import com.itadcustody.shared.PageResult;
import com.itadcustody.shared.Role;
import com.itadcustody.shared.Sha256;
import com.itadcustody.vendor.Vendor;
import com.itadcustody.vendor.Vendors;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Receives vendors' erasure reports (upload or file drop alike): refuses a file that cannot be read as a whole,
 * keeps the original with its SHA-256, applies each record to the medium's waiting sanitization step through the
 * retirement module as the vendor (in batches, the records of different retirements side by side; a record's
 * refusal leaves the others), and puts every record it cannot apply as it stands into the exceptions queue. The same
 * file from the same vendor is applied once.
 */
@org.springframework.modulith.NamedInterface("erasure-reports")
@Service
public class ErasureReports {

    private static final Logger log = LoggerFactory.getLogger(ErasureReports.class);
    private static final Set<Role> STAFF = EnumSet.of(Role.IT_STAFF, Role.ASSET_MANAGER, Role.ADMIN);
    private static final Set<SanitizationTechnique> DESTRUCTIVE = EnumSet.of(SanitizationTechnique.SHRED,
            SanitizationTechnique.DISINTEGRATE, SanitizationTechnique.PULVERIZE, SanitizationTechnique.INCINERATE);
    private static final ObjectMapper RECORDS = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final ErasureReportStore store;
    private final VendorSanitizations media;
    private final Retirements retirements;
    private final Vendors vendors;
    private final InboundSettings settings;
    private final TransactionTemplate transaction;
    /** The threads that apply records, shared by every report (upload and file drop alike). */
    private final ExecutorService pool;

    ErasureReports(ErasureReportStore store, VendorSanitizations media, Retirements retirements, Vendors vendors,
            InboundSettings settings, PlatformTransactionManager transactions) {
        this.store = store;
        this.media = media;
        this.retirements = retirements;
        this.vendors = vendors;
        this.settings = settings;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        AtomicInteger threads = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(settings.applyThreads(), r -> {
            Thread thread = new Thread(r, "erasure-report-apply-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        pool.shutdownNow();
    }

    /** Where a report came from. */
    public enum Source { UPLOAD, DROP }

    /**
     * Receives one report of this vendor: refused as a whole (413 {@code file-too-large} before reading, 400 for an
     * unreadable file, 422 {@code report-invalid} naming every missing or invalid field) or processed record by
     * record. {@code size} is the file's size if known (else -1). The uploader is a VENDOR user of that vendor, IT
     * staff, or null for the file drop.
     */
    public ErasureReportResult receive(UUID vendorId, String fileName, InputStream content, long size,
            Source source, Actor uploader) throws IOException {
        long max = settings.maxFileSize().toBytes();
        if (size > max) {
            throw tooLarge(size, max);
        }
        Vendor vendor = vendorFor(vendorId, uploader);
        byte[] bytes = content.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        if (bytes.length > max) {
            throw tooLarge(-1, max);
        }
        String name = fileName == null || fileName.isBlank() ? "erasure-report" : fileName.strip();
        name = name.length() > 255 ? name.substring(name.length() - 255) : name;
        ErasureReportParser.Parsed parsed = ErasureReportParser.parse(bytes);
        String sha = Sha256.hex(bytes);
        UUID reportId = UUID.randomUUID();
        Instant now = now();
        String finalName = name;
        try {
            transaction.executeWithoutResult(s -> store.insert(reportId, vendor.id(), finalName, parsed.format(),
                    sha, bytes, source.name(), uploader == null ? null : uploader.userId(), now,
                    parsed.records().size()));
        } catch (DuplicateKeyException e) {
            return duplicate(vendor.id(), finalName, sha, now);
        }
        return process(reportId, vendor, parsed, new CustodyEvent.Evidence(sha, parsed.format().mediaType(),
                finalName), applyingActor(vendor.id(), uploader));
    }

    private ErasureReportResult duplicate(UUID vendorId, String name, String sha, Instant now) {
        UUID first = store.idOf(vendorId, sha).orElseThrow();
        ErasureReportView report = store.report(first).orElseThrow();
        transaction.executeWithoutResult(s -> store.insertExceptions(List.of(new ErasureReportStore.NewException(
                UUID.randomUUID(), first, vendorId, null, null, "DUPLICATE_REPORT", "duplicate-report",
                "the file '" + name + "' (SHA-256 " + sha + ") repeats the report received on "
                        + report.receivedAt() + " as '" + report.fileName() + "'; it was applied once, then",
                null, null, null, now))));
        return new ErasureReportResult(report, true, List.of());
    }

    private ErasureReportResult process(UUID reportId, Vendor vendor, ErasureReportParser.Parsed parsed,
            CustodyEvent.Evidence evidence, Actor actor) {
        List<ErasureRecord> records = parsed.records();
        Map<String, MediumAwaitingSanitization> found = media.find(vendor.id(),
                records.stream().map(ErasureRecord::mediumSerial).toList());
        Outcome[] outcomes = new Outcome[records.size()];
        Map<UUID, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < records.size(); i++) {
            MediumAwaitingSanitization medium = found.get(records.get(i).mediumSerial());
            if (medium == null) {
                outcomes[i] = unknownSerial(records.get(i));
            } else {
                groups.computeIfAbsent(medium.retirementId(), r -> new ArrayList<>()).add(i);
            }
        }
        new Application(records, found, outcomes, groups.values(), vendor, evidence, actor).run();
        List<ErasureReportResult.Line> lines = new ArrayList<>(records.size());
        List<ErasureReportStore.NewException> raised = new ArrayList<>();
        int applied = 0;
        for (int i = 0; i < records.size(); i++) {
            ErasureRecord record = records.get(i);
            Outcome outcome = outcomes[i];
            UUID exceptionId = null;
            if (outcome.kind() != null) {
                exceptionId = UUID.randomUUID();
                raised.add(new ErasureReportStore.NewException(exceptionId, reportId, vendor.id(), record.line(),
                        record.mediumSerial(), outcome.kind(), outcome.rule(), outcome.message(), json(record),
                        outcome.medium() == null ? null : outcome.medium().retirementId(),
                        outcome.medium() == null ? null : outcome.medium().mediumId(), now()));
            }
            if (outcome.applied()) {
                applied++;
            }
            lines.add(new ErasureReportResult.Line(record.line(), record.mediumSerial(), outcome.applied()
                    ? (record.passed() ? "APPLIED" : "APPLIED_FAILED") : "EXCEPTION", outcome.kind(), outcome.rule(),
                    outcome.message(), exceptionId));
        }
        int appliedCount = applied;
        transaction.executeWithoutResult(s -> {
            store.insertExceptions(raised);
            store.finish(reportId, appliedCount, raised.size(), json(lines), now());
        });
        log.info("Erasure report {} of vendor {}: {} records, {} applied, {} exceptions", reportId, vendor.id(),
                lines.size(), appliedCount, raised.size());
        return new ErasureReportResult(store.report(reportId).orElseThrow(), false, lines);
    }

    /** What became of one record: applied or not, and the exception it raises, if any. */
    private record Outcome(boolean applied, String kind, String rule, String message,
            MediumAwaitingSanitization medium) {

        static Outcome exception(String kind, String rule, String message, MediumAwaitingSanitization medium) {
            return new Outcome(false, kind, rule, message, medium);
        }
    }

    /** A record that passed the checks of its own and goes to the retirement module. */
    private record Pending(int index, ErasureRecord record, MediumAwaitingSanitization medium,
            SanitizationEntry entry) {
    }

    /**
     * Applies one report's records that match a medium: the records of one retirement (so those of one serial) in
     * file order on one thread, different retirements side by side on the shared pool, {@code batchSize} records a
     * transaction. A batch never holds two records of one serial: whether the second is a duplicate depends on what
     * became of the first. Each record's outcome lands at its index, so the results are in file order.
     */
    private final class Application {

        private final List<ErasureRecord> records;
        private final Map<String, MediumAwaitingSanitization> found;
        private final Outcome[] outcomes;
        private final Queue<List<Integer>> groups;
        private final int workers;
        private final Vendor vendor;
        private final CustodyEvent.Evidence evidence;
        private final Actor actor;
        private volatile boolean failed;

        Application(List<ErasureRecord> records, Map<String, MediumAwaitingSanitization> found, Outcome[] outcomes,
                java.util.Collection<List<Integer>> groups, Vendor vendor, CustodyEvent.Evidence evidence,
                Actor actor) {
            this.records = records;
            this.found = found;
            this.outcomes = outcomes;
            this.groups = new ConcurrentLinkedQueue<>(groups);
            this.workers = Math.min(settings.applyThreads(), groups.size());
            this.vendor = vendor;
            this.evidence = evidence;
            this.actor = actor;
        }

        void run() {
            if (workers <= 1) {
                work();
                return;
            }
            List<Future<?>> running = new ArrayList<>(workers);
            for (int i = 0; i < workers; i++) {
                running.add(pool.submit(this::work));
            }
            RuntimeException failure = null;
            for (Future<?> worker : running) {
                try {
                    worker.get();
                } catch (ExecutionException e) {
                    RuntimeException cause = e.getCause() instanceof RuntimeException r ? r
                            : new IllegalStateException(e.getCause());
                    if (failure == null) {
                        failure = cause;
                    } else {
                        failure.addSuppressed(cause);
                    }
                } catch (InterruptedException e) {
                    failed = true;
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while applying an erasure report", e);
                }
            }
            if (failure != null) {
                throw failure;
            }
        }

        private void work() {
            List<Pending> batch = new ArrayList<>(settings.batchSize());
            Set<String> serialsInBatch = new HashSet<>();
            Map<String, Integer> sanitizedAt = new HashMap<>();
            try {
                for (List<Integer> group = groups.poll(); group != null && !failed; group = groups.poll()) {
                    for (int index : group) {
                        ErasureRecord record = records.get(index);
                        if (serialsInBatch.contains(record.mediumSerial())) {
                            flush(batch, serialsInBatch, sanitizedAt);
                        }
                        MediumAwaitingSanitization medium = found.get(record.mediumSerial());
                        Integer earlier = sanitizedAt.get(record.mediumSerial());
                        Outcome checked = earlier != null ? Outcome.exception("ALREADY_SANITIZED",
                                "already-sanitized", "medium " + record.mediumSerial() + " is already recorded as"
                                        + " sanitized by record " + earlier + " of this report; this record was not"
                                        + " applied", medium)
                                : precheck(record, medium);
                        if (checked != null) {
                            outcomes[index] = checked;
                            continue;
                        }
                        batch.add(pending(index, record, medium, vendor, evidence));
                        serialsInBatch.add(record.mediumSerial());
                        if (batch.size() >= settings.batchSize()) {
                            flush(batch, serialsInBatch, sanitizedAt);
                        }
                    }
                }
                flush(batch, serialsInBatch, sanitizedAt);
            } catch (RuntimeException e) {
                failed = true;
                throw e;
            }
        }

        private void flush(List<Pending> batch, Set<String> serialsInBatch, Map<String, Integer> sanitizedAt) {
            if (batch.isEmpty()) {
                return;
            }
            applyBatch(batch, evidence, actor, outcomes);
            for (Pending p : batch) {
                if (outcomes[p.index()].applied() && p.record().passed()) {
                    sanitizedAt.put(p.record().mediumSerial(), p.record().line());
                }
            }
            batch.clear();
            serialsInBatch.clear();
        }
    }

    /**
     * Applies the records in one transaction; if one fails while it is being recorded, that transaction is rolled
     * back and the records applied one by one, each in its own, so every refusal is exactly that record's and
     * nothing of it stays.
     */
    private void applyBatch(List<Pending> batch, CustodyEvent.Evidence evidence, Actor actor, Outcome[] outcomes) {
        if (batch.size() > 1) {
            List<SanitizationOutcome> results;
            try {
                results = transaction.execute(s -> retirements.recordSanitizations(
                        batch.stream().map(Pending::entry).toList(), List.of(evidence), actor));
            } catch (RuntimeException e) {
                log.info("A batch of {} erasure records was rolled back ({}); applying them one by one",
                        batch.size(), e.toString());
                results = null;
            }
            if (results != null) {
                for (int i = 0; i < batch.size(); i++) {
                    Pending p = batch.get(i);
                    outcomes[p.index()] = results.get(i).recorded() ? applied(p.record(), p.medium())
                            : refused(results.get(i).refusal(), p.record(), p.medium());
                }
                return;
            }
        }
        for (Pending p : batch) {
            outcomes[p.index()] = applyOne(p, evidence, actor);
        }
    }

    /** Applies one record in its own transaction. */
    private Outcome applyOne(Pending p, CustodyEvent.Evidence evidence, Actor actor) {
        try {
            SanitizationOutcome result = transaction.execute(s -> retirements.recordSanitizations(
                    List.of(p.entry()), List.of(evidence), actor)).get(0);
            return result.recorded() ? applied(p.record(), p.medium())
                    : refused(result.refusal(), p.record(), p.medium());
        } catch (DomainRuleViolated | NotFound e) {
            return refused(e, p.record(), p.medium());
        }
    }

    private Pending pending(int index, ErasureRecord record, MediumAwaitingSanitization medium, Vendor vendor,
            CustodyEvent.Evidence evidence) {
        SanitizationReport report = new SanitizationReport(new Person(record.operator(), "Erasure operator",
                vendor.name(), null, null), record.technique(), record.methodDetails(), record.tool(),
                record.toolVersion(), record.verificationMethod(), record.passed(), "Unclassified", null,
                notes(record, evidence), record.finishedAt().toInstant());
        return new Pending(index, record, medium, new SanitizationEntry(medium.retirementId(), medium.mediumId(),
                report));
    }

    /** Applies one record on its own (a retried exception). */
    private Outcome apply(ErasureRecord record, MediumAwaitingSanitization medium, Vendor vendor,
            CustodyEvent.Evidence evidence, Actor actor) {
        Outcome checked = precheck(record, medium);
        return checked != null ? checked : applyOne(pending(0, record, medium, vendor, evidence), evidence, actor);
    }

    /** The checks a record needs no database for: an unknown serial, a record unlike its plan, a medium sanitized. */
    private static Outcome precheck(ErasureRecord record, MediumAwaitingSanitization medium) {
        if (medium == null) {
            return unknownSerial(record);
        }
        String inconsistency = inconsistency(record, medium);
        if (inconsistency != null) {
            String[] ruleAndMessage = inconsistency.split("\\|", 2);
            return Outcome.exception("INCONSISTENT", ruleAndMessage[0], ruleAndMessage[1], medium);
        }
        if (medium.alreadySanitized()) {
            return Outcome.exception("ALREADY_SANITIZED", "already-sanitized", "medium " + record.mediumSerial()
                    + " is already recorded as sanitized; this record was not applied", medium);
        }
        return null;
    }

    private static Outcome unknownSerial(ErasureRecord record) {
        return Outcome.exception("UNKNOWN_SERIAL", "unknown-serial", "no medium with serial "
                + record.mediumSerial() + " waits for sanitization by your organisation", null);
    }

    private static Outcome applied(ErasureRecord record, MediumAwaitingSanitization medium) {
        if (!record.passed()) {
            return new Outcome(true, "FAILED_ERASURE", "erasure-failed", "the report says the erasure of "
                    + record.mediumSerial() + " failed; it is recorded as a failed sanitization and the medium"
                    + " must be sanitized again", medium);
        }
        return new Outcome(true, null, null, null, medium);
    }

    private static Outcome refused(RuntimeException refusal, ErasureRecord record,
            MediumAwaitingSanitization medium) {
        if (refusal instanceof DomainRuleViolated e) {
            if ("step-not-open".equals(e.rule())) {
                return Outcome.exception("STEP_NOT_OPEN", e.rule(), "medium " + record.mediumSerial()
                        + " is not waiting for its sanitization yet; retry the exception once it is", medium);
            }
            return Outcome.exception("INCONSISTENT", e.rule(), e.getMessage(), medium);
        }
        if (refusal instanceof NotFound) {
            return unknownSerial(record);
        }
        throw refusal;
    }

    /** Why the record does not fit the medium's plan, as "rule|message", or null if it fits. */
    private static String inconsistency(ErasureRecord record, MediumAwaitingSanitization medium) {
        if (record.problem() != null) {
            return "unknown-standard|" + record.problem();
        }
        SanitizationMethodType planned = SanitizationMethodType.valueOf(medium.methodType());
        if (record.methodType() != planned) {
            return "method-mismatch|the report says " + record.methodType() + "; the plan for medium "
                    + record.mediumSerial() + " is " + planned;
        }
        boolean destroy = planned == SanitizationMethodType.DESTROY;
        if (destroy != DESTRUCTIVE.contains(record.technique()) && record.technique() != SanitizationTechnique.OTHER
                && !(destroy && record.technique() == SanitizationTechnique.DEGAUSS)) {
            return "technique-mismatch|technique " + record.technique() + " is not a " + planned + " technique";
        }
        if (!destroy && (blank(record.tool()) || blank(record.toolVersion()))) {
            return "tool-required|" + planned + " must name the tool and its version"
                    + (blank(record.tool()) ? " (tool is missing)" : " (toolVersion is missing)");
        }
        if (record.finishedAt().isBefore(record.startedAt())) {
            return "finished-before-started|finishedAt " + record.finishedAt() + " is before startedAt "
                    + record.startedAt();
        }
        if (record.finishedAt().toInstant().isAfter(Instant.now().plus(5, ChronoUnit.MINUTES))) {
            return "finished-in-future|finishedAt " + record.finishedAt() + " is in the future";
        }
        return null;
    }

    private static String notes(ErasureRecord record, CustodyEvent.Evidence evidence) {
        String notes = "Erasure report " + evidence.name() + " (SHA-256 " + evidence.sha256() + "), record "
                + record.line() + "; started " + record.startedAt() + ", finished " + record.finishedAt() + "."
                + (blank(record.notes()) ? "" : " " + record.notes().strip());
        return notes.length() <= 2000 ? notes : notes.substring(0, 2000);
    }

    // ---- reading the reports and the queue ----

    /** The reports: vendors see their own only; staff all, or one vendor's. */
    public PageResult<ErasureReportView> reports(UUID vendorId, int page, int size, Actor actor) {
        UUID scope = actor.has(Role.VENDOR) ? ownVendor(actor) : vendorId;
        return PageResult.of(store.reports(scope, page, size), page, size, store.countReports(scope));
    }

    /** One report with its record-by-record result; 404 for another vendor's. */
    public ErasureReportResult report(UUID reportId, Actor actor) {
        ErasureReportView report = visibleReport(reportId, actor);
        String results = store.results(reportId).orElse(null);
        List<ErasureReportResult.Line> lines = results == null ? List.of() : read(results);
        return new ErasureReportResult(report, false, lines);
    }

    /** The original file of a report, as delivered; 404 for another vendor's. */
    public Original original(UUID reportId, Actor actor) {
        ErasureReportView report = visibleReport(reportId, actor);
        return new Original(report.fileName(), ErasureReportFormat.valueOf(report.format()).mediaType(),
                store.content(reportId).orElseThrow());
    }

    /** A report's original bytes with its name and media type. */
    public record Original(String fileName, String mediaType, byte[] content) {
    }

    /** The exceptions queue, filtered; vendors see only their own. */
    public PageResult<ErasureExceptionView> exceptions(UUID vendorId, String state, String kind, UUID reportId,
            int page, int size, Actor actor) {
        UUID scope = actor.has(Role.VENDOR) ? ownVendor(actor) : vendorId;
        var filter = new ErasureReportStore.ExceptionFilter(scope, state, kind, reportId);
        return PageResult.of(store.exceptions(filter, page, size), page, size, store.countExceptions(filter));
    }

    /** One exception; 404 for another vendor's. */
    public ErasureExceptionView exception(UUID id, Actor actor) {
        ErasureExceptionView found = store.exception(id).orElseThrow(() -> new NotFound("erasure exception", id));
        if (actor.has(Role.VENDOR) && !found.vendorId().equals(actor.vendorId())) {
            throw new NotFound("erasure exception", id);
        }
        return found;
    }

    /** Resolves an open exception with a note (409 {@code already-resolved} if it is not open). */
    public ErasureExceptionView resolve(UUID id, String note, Actor actor) {
        exception(id, actor);
        if (blank(note)) {
            throw new DomainRuleViolated(HttpStatus.BAD_REQUEST, "required", "note", "note is required");
        }
        transaction.executeWithoutResult(s -> {
            ErasureExceptionView locked = store.lockException(id).orElseThrow();
            if (!locked.state().equals("OPEN")) {
                throw DomainRuleViolated.conflict("already-resolved", null, "the exception was resolved on "
                        + locked.resolvedAt());
            }
            store.resolve(id, note.strip(), actor.userId(), now());
        });
        return exception(id, actor);
    }

    /**
     * Applies an open exception's record again, e.g. once its medium's sanitization step is open (only kinds
     * STEP_NOT_OPEN and UNKNOWN_SERIAL; 409 {@code not-retryable} otherwise): applied, it is resolved; otherwise it
     * stays open with the new reason.
     */
    public ErasureExceptionView retry(UUID id, Actor actor) {
        ErasureExceptionView exception = exception(id, actor);
        if (!exception.state().equals("OPEN")) {
            throw DomainRuleViolated.conflict("already-resolved", null, "the exception was resolved on "
                    + exception.resolvedAt());
        }
        if (!exception.kind().equals("STEP_NOT_OPEN") && !exception.kind().equals("UNKNOWN_SERIAL")) {
            throw DomainRuleViolated.conflict("not-retryable", null, "an exception of kind " + exception.kind()
                    + " is resolved with a note, not retried");
        }
        ErasureRecord record = readRecord(store.recordOf(id).orElseThrow());
        ErasureReportView report = store.report(exception.reportId()).orElseThrow();
        Vendor vendor = vendors.find(exception.vendorId()).orElseThrow();
        MediumAwaitingSanitization medium = media.find(vendor.id(), List.of(record.mediumSerial()))
                .get(record.mediumSerial());
        Outcome outcome = apply(record, medium, vendor, new CustodyEvent.Evidence(report.sha256(),
                ErasureReportFormat.valueOf(report.format()).mediaType(), report.fileName()),
                applyingActor(vendor.id(), actor.has(Role.VENDOR) ? actor : null));
        transaction.executeWithoutResult(s -> {
            if (outcome.applied()) {
                store.resolve(id, "applied on retry" + (outcome.kind() == null ? "" : "; " + outcome.message()),
                        actor.userId(), now());
                if (outcome.kind() != null) {
                    store.insertExceptions(List.of(new ErasureReportStore.NewException(UUID.randomUUID(),
                            exception.reportId(), vendor.id(), record.line(), record.mediumSerial(), outcome.kind(),
                            outcome.rule(), outcome.message(), json(record), medium.retirementId(),
                            medium.mediumId(), now())));
                }
            } else {
                store.reclassify(id, outcome.kind(), outcome.rule(), outcome.message(),
                        outcome.medium() == null ? null : outcome.medium().retirementId(),
                        outcome.medium() == null ? null : outcome.medium().mediumId());
            }
        });
        return exception(id, actor);
    }

    private ErasureReportView visibleReport(UUID reportId, Actor actor) {
        ErasureReportView report = store.report(reportId)
                .orElseThrow(() -> new NotFound("erasure report", reportId));
        if (actor.has(Role.VENDOR) && !report.vendorId().equals(actor.vendorId())) {
            throw new NotFound("erasure report", reportId);
        }
        return report;
    }

    // ---- who acts ----

    private Vendor vendorFor(UUID vendorId, Actor uploader) {
        if (uploader != null && uploader.has(Role.VENDOR)) {
            UUID own = ownVendor(uploader);
            if (vendorId != null && !vendorId.equals(own)) {
                throw new NotFound("vendor", vendorId);
            }
            return vendors.find(own).orElseThrow(() -> new NotFound("vendor", own));
        }
        if (uploader != null && uploader.roles().stream().noneMatch(STAFF::contains)) {
            throw new DomainRuleViolated(HttpStatus.FORBIDDEN, "role", null, "your roles may not deliver erasure"
                    + " reports");
        }
        if (vendorId == null) {
            throw new DomainRuleViolated(HttpStatus.BAD_REQUEST, "required", "vendorId",
                    "name the vendor whose report this is");
        }
        return vendors.find(vendorId).orElseThrow(() -> DomainRuleViolated.unprocessable("vendor-known",
                "vendorId", "no vendor " + vendorId));
    }

    private static UUID ownVendor(Actor actor) {
        if (actor.vendorId() == null) {
            throw new DomainRuleViolated(HttpStatus.FORBIDDEN, "role", null, "your user belongs to no vendor");
        }
        return actor.vendorId();
    }

    /**
     * Records are applied as the vendor: by the vendor's own user when one uploaded the file, otherwise (file drop,
     * IT staff uploading for the vendor) as the vendor's erasure-report system, a fixed pseudonymous id per vendor.
     */
    static Actor applyingActor(UUID vendorId, Actor uploader) {
        if (uploader != null && uploader.has(Role.VENDOR) && vendorId.equals(uploader.vendorId())) {
            return uploader;
        }
        return new Actor(UUID.nameUUIDFromBytes(("erasure-report:" + vendorId).getBytes(StandardCharsets.UTF_8)),
                "erasure-report", Set.of(Role.VENDOR), vendorId);
    }

    private static InputRejected tooLarge(long size, long max) {
        String message = "the file " + (size >= 0 ? "has " + size + " bytes" : "is larger than the limit")
                + "; at most " + max + " bytes (itad.partner.inbound.max-file-size) are accepted";
        return new InputRejected(HttpStatus.PAYLOAD_TOO_LARGE, "file-too-large", message,
                List.of(new InputRejected.Problem(null, "file", "max-size", message)), 1);
    }

    private static String json(Object value) {
        try {
            return RECORDS.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<ErasureReportResult.Line> read(String json) {
        try {
            return List.of(RECORDS.readValue(json, ErasureReportResult.Line[].class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored results unreadable", e);
        }
    }

    private static ErasureRecord readRecord(String json) {
        try {
            return RECORDS.readValue(json, ErasureRecord.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored record unreadable", e);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
