package com.itadcustody.asset.internal;

import com.itadcustody.shared.DomainRuleViolated;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A sort order for asset lists, parsed from {@code field,direction} (e.g. {@code tag,asc}); only the fields
 * listed here can be sorted on, so no user input reaches the SQL.
 */
public record AssetSort(Field field, boolean ascending) {

    /** The sortable fields and their columns. */
    public enum Field {
        tag("tag"), serialNumber("serial_number"), type("type"), status("status"), location("location"),
        purchaseDate("purchase_date"), warrantyEnd("warranty_end"), createdAt("created_at"), updatedAt("updated_at");

        final String column;

        Field(String column) {
            this.column = column;
        }
    }

    /** Parses {@code field[,asc|desc]}; null or blank means by tag, ascending. */
    public static AssetSort parse(String sort) {
        if (sort == null || sort.isBlank()) {
            return new AssetSort(Field.tag, true);
        }
        String[] parts = sort.split(",", -1);
        Field field = Arrays.stream(Field.values()).filter(f -> f.name().equals(parts[0].strip())).findFirst()
                .orElseThrow(() -> new DomainRuleViolated(org.springframework.http.HttpStatus.BAD_REQUEST,
                        "unknown-sort-field", "sort", "sort must be one of " + Arrays.stream(Field.values())
                        .map(Enum::name).collect(Collectors.joining(", ")) + ", optionally followed by ,asc or ,desc"));
        if (parts.length > 2) {
            throw invalidDirection();
        }
        String direction = parts.length == 2 ? parts[1].strip().toLowerCase(Locale.ROOT) : "asc";
        if (!direction.equals("asc") && !direction.equals("desc")) {
            throw invalidDirection();
        }
        return new AssetSort(field, direction.equals("asc"));
    }

    String orderBy() {
        return field.column + (ascending ? " asc" : " desc") + ", id asc";
    }

    private static DomainRuleViolated invalidDirection() {
        return new DomainRuleViolated(org.springframework.http.HttpStatus.BAD_REQUEST, "invalid-sort-direction",
                "sort", "the sort direction must be asc or desc");
    }
}
