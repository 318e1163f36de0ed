package com.itadcustody.asset.license;

import com.itadcustody.asset.internal.IsoCurrency;
import com.itadcustody.shared.DomainRuleViolated;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What a license pool's owner can set: product, metric, seats bought, renewal and cost. Constructing it checks
 * the rules that need no stored state.
 *
 * @param publisher the software publisher
 * @param product the licensed product
 * @param metric how seats are counted
 * @param seatsOwned seats bought, at least 0
 * @param renewalDate when the licenses must be renewed, if ever
 * @param cost what the pool cost, at least 0, or null
 * @param currency the ISO 4217 code of the cost; required when a cost is given
 */
record PoolTerms(String publisher, String product, LicenseMetric metric, int seatsOwned, LocalDate renewalDate,
        BigDecimal cost, String currency) {

    static final int MAX_TEXT_LENGTH = 200;

    PoolTerms {
        publisher = required(publisher, "publisher");
        product = required(product, "product");
        if (metric == null) {
            throw DomainRuleViolated.unprocessable("required", "metric", "The metric is required.");
        }
        if (seatsOwned < 0) {
            throw DomainRuleViolated.unprocessable("seats-not-negative", "seatsOwned",
                    "The seats owned cannot be negative.");
        }
        if (cost != null && cost.signum() < 0) {
            throw DomainRuleViolated.unprocessable("cost-not-negative", "cost", "The cost cannot be negative.");
        }
        currency = currency == null || currency.isBlank() ? null : currency.strip();
        if (cost != null && currency == null) {
            throw DomainRuleViolated.unprocessable("currency-required", "currency",
                    "A cost needs its ISO 4217 currency code, e.g. EUR.");
        }
        if (currency != null && !IsoCurrency.Validator.isIsoCurrency(currency)) {
            throw DomainRuleViolated.unprocessable("unknown-currency", "currency",
                    "'" + currency + "' is not an ISO 4217 currency code such as EUR or USD.");
        }
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw DomainRuleViolated.unprocessable("required", field, "The " + field + " is required.");
        }
        String stripped = value.strip();
        if (stripped.length() > MAX_TEXT_LENGTH) {
            throw DomainRuleViolated.unprocessable("too-long", field,
                    "The " + field + " may have at most " + MAX_TEXT_LENGTH + " characters.");
        }
        return stripped;
    }

}
