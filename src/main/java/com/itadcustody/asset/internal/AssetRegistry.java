package com.itadcustody.asset.internal;

import com.itadcustody.asset.AssetStatus;
import com.itadcustody.custody.CustodyEvent;
import com.itadcustody.custody.CustodyLog;
import com.itadcustody.shared.Actor;
import com.itadcustody.shared.DomainRuleViolated;
import com.itadcustody.shared.NotFound;
import com.itadcustody.shared.PageResult;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers, changes and retires assets and their media, enforcing the registry's rules: unique tags and serial
 * numbers, a guarded status lifecycle, closed assets stay unchanged, and nothing with custody history is deleted.
 */
@Service
public class AssetRegistry {

    /** Largest page a list request may ask for. */
    public static final int MAX_PAGE_SIZE = 500;

    private final Assets assets;
    private final StorageMedia media;
    private final CustodyLog custody;
    private final JdbcClient jdbc;

    AssetRegistry(Assets assets, StorageMedia media, CustodyLog custody, JdbcClient jdbc) {
        this.assets = assets;
        this.media = media;
        this.custody = custody;
        this.jdbc = jdbc;
    }

    /** Registers a new asset, in service, with its media. */
    @Transactional
    public Asset register(AssetInput input, Actor actor) {
        if (assets.tagTaken(input.tag(), null)) {
            throw DomainRuleViolated.conflict("duplicate-tag", "tag", "asset tag " + input.tag() + " is taken");
        }
        if (input.serialNumber() != null && assets.serialTaken(input.serialNumber(), null)) {
            throw DomainRuleViolated.conflict("duplicate-serial", "serialNumber",
                    "serial number " + input.serialNumber() + " belongs to another asset");
        }
        checkMediaSerials(input.media());
        Instant now = now();
        UUID id = UUID.randomUUID();
        Asset asset = new Asset(id, input.tag(), input.serialNumber(), input.type(), input.make(), input.model(),
                input.purchaseDate(), input.purchaseCost(), input.currency(), input.warrantyEnd(), input.location(),
                input.custodian(), input.department(), AssetStatus.IN_SERVICE, 0, now, actor.userId(), now,
                actor.userId(), List.of());
        assets.insert(asset);
        List<Medium> newMedia = input.media().stream().map(m -> newMedium(id, m, actor, now)).toList();
        media.insertAll(newMedia);
        Asset registered = asset.withMedia(newMedia);
        custody.append(registeredEvent(registered, actor, "api"));
        return registered;
    }

    /**
     * Changes the editable fields of an asset. {@code expectedVersion} guards against lost updates;
     * {@code requestedStatus}, if given, must be the current status: status moves only through the workflow.
     */
    @Transactional
    public Asset update(UUID id, AssetInput input, int expectedVersion, AssetStatus requestedStatus, Actor actor) {
        Asset current = assets.lock(id).orElseThrow(() -> new NotFound("asset", id));
        if (requestedStatus != null && requestedStatus != current.status()) {
            throw DomainRuleViolated.conflict("status-changes-through-workflow", "status",
                    "the status moves only through the retirement workflow (" + current.status() + " → "
                            + requestedStatus + " is not an edit)");
        }
        requireOpen(current);
        if (current.version() != expectedVersion) {
            throw DomainRuleViolated.conflict("concurrent-change", "version", "the asset was changed meanwhile "
                    + "(version " + current.version() + ", not " + expectedVersion + "); reload it and try again");
        }
        if (!current.tag().equals(input.tag()) && assets.tagTaken(input.tag(), id)) {
            throw DomainRuleViolated.conflict("duplicate-tag", "tag", "asset tag " + input.tag() + " is taken");
        }
        if (input.serialNumber() != null && assets.serialTaken(input.serialNumber(), id)) {
            throw DomainRuleViolated.conflict("duplicate-serial", "serialNumber",
                    "serial number " + input.serialNumber() + " belongs to another asset");
        }
        Asset changed = new Asset(id, input.tag(), input.serialNumber(), input.type(), input.make(), input.model(),
                input.purchaseDate(), input.purchaseCost(), input.currency(), input.warrantyEnd(), input.location(),
                input.custodian(), input.department(), current.status(), current.version(), current.createdAt(),
                current.createdBy(), now(), actor.userId(), List.of());
        if (!assets.update(changed)) {
            throw DomainRuleViolated.conflict("concurrent-change", "version", "the asset was changed meanwhile");
        }
        List<String> fields = changedFields(current, changed);
        if (!fields.isEmpty()) {
            custody.append(new CustodyEvent(UUID.randomUUID(), id, changed.serialNumber(), null, "ASSET_UPDATED",
                    changed.updatedAt(), actor, changed.location(), List.of(), Map.of("fields", fields)));
        }
        return get(id);
    }

    /** The id of the asset with exactly this tag, if there is one. */
    public java.util.Optional<UUID> idOfTag(String tag) {
        return assets.idOfTag(tag);
    }

    /** The asset with its media; 404 if it does not exist. */
    @Transactional(readOnly = true)
    public Asset get(UUID id) {
        return assets.findWithMedia(id).orElseThrow(() -> new NotFound("asset", id));
    }

    /** One page of assets matching the filter, each with its media. */
    @Transactional(readOnly = true)
    public PageResult<Asset> list(AssetFilter filter, AssetSort sort, int page, int size) {
        if (page < 0) {
            throw new DomainRuleViolated(org.springframework.http.HttpStatus.BAD_REQUEST, "invalid-page", "page",
                    "page must be 0 or more");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new DomainRuleViolated(org.springframework.http.HttpStatus.BAD_REQUEST, "invalid-page-size", "size",
                    "size must be between 1 and " + MAX_PAGE_SIZE);
        }
        List<Asset> found = assets.page(filter, sort, page, size);
        Map<UUID, List<Medium>> mediaByAsset = media.ofAssets(found.stream().map(Asset::id).toList());
        return PageResult.of(found.stream().map(a -> a.withMedia(mediaByAsset.getOrDefault(a.id(), List.of())))
                .toList(), page, size, assets.count(filter));
    }

    /** Adds a storage medium to an asset that is not closed. */
    @Transactional
    public Medium addMedium(UUID assetId, MediumInput input, Actor actor) {
        Asset asset = assets.lock(assetId).orElseThrow(() -> new NotFound("asset", assetId));
        requireOpen(asset);
        if (!media.existingSerials(Set.of(input.serialNumber())).isEmpty()) {
            throw DomainRuleViolated.conflict("duplicate-media-serial", "serialNumber",
                    "a storage medium with serial number " + input.serialNumber() + " is registered already");
        }
        Medium medium = newMedium(assetId, input, actor, now());
        media.insertAll(List.of(medium));
        custody.append(new CustodyEvent(UUID.randomUUID(), assetId, asset.serialNumber(), medium.serialNumber(),
                "MEDIUM_ADDED", medium.createdAt(), actor, asset.location(), List.of(),
                Map.of("mediaType", medium.mediaType().name())));
        return medium;
    }

    /** Removes a medium registered by mistake; only while the asset is in service. */
    @Transactional
    public void removeMedium(UUID assetId, UUID mediumId, Actor actor) {
        Asset asset = assets.lock(assetId).orElseThrow(() -> new NotFound("asset", assetId));
        Medium medium = media.find(mediumId).filter(m -> m.assetId().equals(assetId))
                .orElseThrow(() -> new NotFound("storage medium", mediumId));
        if (asset.status() != AssetStatus.IN_SERVICE) {
            throw DomainRuleViolated.conflict("asset-not-in-service", "status",
                    "media can be removed only while the asset is in service; it is " + asset.status());
        }
        media.delete(medium.id());
        custody.append(new CustodyEvent(UUID.randomUUID(), assetId, asset.serialNumber(), medium.serialNumber(),
                "MEDIUM_REMOVED", now(), actor, asset.location(), List.of(),
                Map.of("mediaType", medium.mediaType().name())));
    }

    /**
     * Deletes an asset registered by mistake. Refused for an asset with any custody or license history: such an
     * asset is archived instead, so that its history stays.
     */
    @Transactional
    public void delete(UUID id) {
        Asset asset = assets.lock(id).orElseThrow(() -> new NotFound("asset", id));
        if (custody.hasEvents(id)) {
            throw DomainRuleViolated.conflict("asset-has-custody-history", null,
                    "asset " + asset.tag() + " has custody events and cannot be deleted; archive it instead");
        }
        boolean hadSeats = jdbc.sql("select exists (select 1 from seat_assignment where asset_id = :id)")
                .param("id", id).query(Boolean.class).single();
        if (hadSeats) {
            throw DomainRuleViolated.conflict("asset-has-license-history", null,
                    "asset " + asset.tag() + " has license seat history and cannot be deleted; archive it instead");
        }
        media.deleteOfAsset(id);
        assets.delete(id);
    }

    /** Moves the asset along its lifecycle and records the move in the custody log. */
    @Transactional
    public Asset transition(UUID id, AssetStatus target, Actor actor, String reason) {
        Asset asset = assets.lock(id).orElseThrow(() -> new NotFound("asset", id));
        if (!asset.status().canMoveTo(target)) {
            throw DomainRuleViolated.conflict("illegal-status-transition", "status",
                    "an asset in status " + asset.status() + " cannot move to " + target);
        }
        Instant now = now();
        assets.changeStatus(id, asset.status(), target, actor.userId(), now);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("from", asset.status().name());
        data.put("to", target.name());
        if (reason != null && !reason.isBlank()) {
            data.put("reason", reason);
        }
        custody.append(new CustodyEvent(UUID.randomUUID(), id, asset.serialNumber(), null, "ASSET_STATUS_CHANGED",
                now, actor, asset.location(), List.of(), data));
        return get(id);
    }

    /** The custody event of a newly registered asset: what it is and which media it holds (no personal data). */
    static CustodyEvent registeredEvent(Asset asset, Actor actor, String source) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("tag", asset.tag());
        data.put("type", asset.type().name());
        if (asset.make() != null) {
            data.put("make", asset.make());
        }
        if (asset.model() != null) {
            data.put("model", asset.model());
        }
        data.put("media", asset.media().stream().map(m -> Map.of("serial", m.serialNumber(), "mediaType",
                m.mediaType().name())).toList());
        data.put("source", source);
        return new CustodyEvent(UUID.randomUUID(), asset.id(), asset.serialNumber(), null, "ASSET_REGISTERED",
                asset.createdAt(), actor, asset.location(), List.of(), data);
    }

    private static List<String> changedFields(Asset before, Asset after) {
        List<String> fields = new java.util.ArrayList<>();
        compare(fields, "tag", before.tag(), after.tag());
        compare(fields, "serialNumber", before.serialNumber(), after.serialNumber());
        compare(fields, "type", before.type(), after.type());
        compare(fields, "make", before.make(), after.make());
        compare(fields, "model", before.model(), after.model());
        compare(fields, "purchaseDate", before.purchaseDate(), after.purchaseDate());
        compare(fields, "purchaseCost", before.purchaseCost(), after.purchaseCost());
        compare(fields, "currency", before.currency(), after.currency());
        compare(fields, "warrantyEnd", before.warrantyEnd(), after.warrantyEnd());
        compare(fields, "location", before.location(), after.location());
        compare(fields, "custodian", before.custodian(), after.custodian());
        compare(fields, "department", before.department(), after.department());
        return fields;
    }

    private static void compare(List<String> fields, String name, Object before, Object after) {
        boolean same = before instanceof java.math.BigDecimal b && after instanceof java.math.BigDecimal a
                ? b.compareTo(a) == 0 : java.util.Objects.equals(before, after);
        if (!same) {
            fields.add(name);
        }
    }

    private void checkMediaSerials(List<MediumInput> input) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < input.size(); i++) {
            if (!seen.add(input.get(i).serialNumber())) {
                throw DomainRuleViolated.conflict("duplicate-media-serial", "media[" + i + "].serialNumber",
                        "serial number " + input.get(i).serialNumber() + " appears twice in this request");
            }
        }
        Set<String> taken = media.existingSerials(seen);
        for (int i = 0; i < input.size(); i++) {
            if (taken.contains(input.get(i).serialNumber())) {
                throw DomainRuleViolated.conflict("duplicate-media-serial", "media[" + i + "].serialNumber",
                        "a storage medium with serial number " + input.get(i).serialNumber()
                                + " is registered already");
            }
        }
    }

    private static void requireOpen(Asset asset) {
        if (asset.status().isFinal()) {
            throw DomainRuleViolated.conflict("asset-closed", "status",
                    "asset " + asset.tag() + " is " + asset.status() + "; its record can no longer change");
        }
    }

    static Medium newMedium(UUID assetId, MediumInput m, Actor actor, Instant now) {
        return new Medium(UUID.randomUUID(), assetId, m.mediaType(), m.make(), m.model(), m.serialNumber(),
                m.capacityBytes(), m.selfEncrypting(), m.encryptedFromFirstUse(), now, actor.userId());
    }

    static Instant now() {
        // PostgreSQL keeps microseconds; truncating keeps what we return equal to what a later read returns
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
