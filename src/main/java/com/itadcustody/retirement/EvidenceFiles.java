package com.itadcustody.retirement;

import com.itadcustody.retirement.internal.EvidenceFileStore;
import com.itadcustody.retirement.internal.EvidenceTypes;
import com.itadcustody.retirement.internal.RetirementRequests;
import com.itadcustody.shared.Actor;
import com.itadcustody.shared.DomainRuleViolated;
import com.itadcustody.shared.NotFound;
import com.itadcustody.shared.Role;
import com.itadcustody.shared.Sha256;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

/**
 * Files kept as evidence of a retirement's steps (a recycling certificate, a photo or video of a destruction, an
 * on-site sanitization report): stored with their SHA-256 and a media type sniffed from their bytes, for the step's
 * custody event to name. A vendor stores files only for a retirement it handles (its lot, or media it sanitizes on
 * site) and sees only the files its own organisation stored (404 for anything else); IT staff store files, and
 * staff (IT staff, asset managers, verifiers, compliance, admins) see every file of a retirement.
 */
@Service
public class EvidenceFiles {

    /** Roles that see every evidence file of a retirement. */
    static final Set<Role> STAFF = EnumSet.of(Role.IT_STAFF, Role.ASSET_MANAGER, Role.VERIFIER, Role.COMPLIANCE,
            Role.ADMIN);

    private final EvidenceFileStore store;
    private final RetirementRequests requests;
    private final long maxBytes;

    EvidenceFiles(EvidenceFileStore store, RetirementRequests requests,
            @Value("${itad.retirement.evidence-max-size:20MB}") DataSize maxSize) {
        this.store = store;
        this.requests = requests;
        this.maxBytes = maxSize.toBytes();
    }

    /** The largest file accepted, in bytes ({@code itad.retirement.evidence-max-size}). */
    public long maxBytes() {
        return maxBytes;
    }

    /**
     * Stores a file of the retirement (for a sanitization report, of one of its media); 422 naming the field
     * {@code file} when it is empty ({@code evidence-empty}), too large ({@code max-size}) or not of a type its kind
     * allows ({@code evidence-type}); 404 for a vendor that does not handle the retirement.
     */
    @Transactional
    public EvidenceFile store(UUID retirementId, UUID mediumId, EvidenceFile.Kind kind, String fileName,
            byte[] content, Actor actor) {
        RetirementView retirement = requests.find(retirementId)
                .orElseThrow(() -> new NotFound("retirement", retirementId));
        UUID vendorId = null;
        if (actor.has(Role.VENDOR)) {
            if (!handles(retirement, actor)) {
                throw new NotFound("retirement", retirementId);
            }
            vendorId = actor.vendorId();
        } else if (!actor.has(Role.IT_STAFF)) {
            throw new DomainRuleViolated(HttpStatus.FORBIDDEN, "role", null, "your roles may not store evidence");
        }
        if (content == null || content.length == 0) {
            throw DomainRuleViolated.unprocessable("evidence-empty", "file", "the file is empty");
        }
        if (content.length > maxBytes) {
            throw DomainRuleViolated.unprocessable("max-size", "file", "the file is larger than "
                    + DataSize.ofBytes(maxBytes).toMegabytes() + " MB");
        }
        String mediaType = EvidenceTypes.sniff(content).filter(kind.mediaTypes()::contains)
                .orElseThrow(() -> DomainRuleViolated.unprocessable("evidence-type", "file", "a "
                        + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " must be one of "
                        + String.join(", ", new TreeSet<>(kind.mediaTypes())) + " (told from the file's content)"));
        EvidenceFile file = new EvidenceFile(UUID.randomUUID(), retirementId, mediumId, kind, cleanName(fileName),
                mediaType, content.length, Sha256.hex(content), vendorId, actor.userId(),
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
        store.insert(file, content);
        return file;
    }

    /** The retirement's evidence files, oldest first: all of them for staff, a vendor's own for a vendor. */
    @Transactional(readOnly = true)
    public List<EvidenceFile> list(UUID retirementId, Actor actor) {
        return store.list(retirementId, readable(retirementId, actor));
    }

    /** One evidence file with its bytes; 404 for a file of another retirement or (for a vendor) another vendor. */
    @Transactional(readOnly = true)
    public EvidenceFile.Content content(UUID retirementId, UUID fileId, Actor actor) {
        EvidenceFile file = store.find(retirementId, fileId, readable(retirementId, actor))
                .orElseThrow(() -> new NotFound("evidence file", fileId));
        return new EvidenceFile.Content(file, store.content(fileId));
    }

    /** The vendor whose files the actor may read (null: every file); 404 or 403 when none. */
    private UUID readable(UUID retirementId, Actor actor) {
        RetirementView retirement = requests.find(retirementId)
                .orElseThrow(() -> new NotFound("retirement", retirementId));
        if (actor.has(Role.VENDOR)) {
            if (!handles(retirement, actor)) {
                throw new NotFound("retirement", retirementId);
            }
            return actor.vendorId();
        }
        if (actor.roles().stream().noneMatch(STAFF::contains)) {
            throw new DomainRuleViolated(HttpStatus.FORBIDDEN, "role", null, "your roles may not read evidence");
        }
        return null;
    }

    /** Whether the vendor user's organisation holds the retirement's lot or sanitizes its media on site. */
    private boolean handles(RetirementView retirement, Actor actor) {
        UUID vendorId = actor.vendorId();
        return vendorId != null && (vendorId.equals(retirement.sanitizationVendorId())
                || requests.vendorOf(retirement.id()).map(vendorId::equals).orElse(false));
    }

    private static String cleanName(String name) {
        String clean = name == null ? "" : name.replaceAll("[^A-Za-z0-9._ -]", "_").strip();
        if (clean.length() > 200) {
            clean = clean.substring(clean.length() - 200);
        }
        return clean.isEmpty() ? "file" : clean;
    }
}
