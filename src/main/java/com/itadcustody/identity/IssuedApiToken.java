package com.itadcustody.identity;

/**
 * A freshly issued API token: the only time its secret is ever available.
 *
 * @param token the token's details
 * @param secret the bearer token itself ({@code itad_...}); not stored anywhere, only its SHA-256
 */
public record IssuedApiToken(ApiToken token, String secret) {

    @Override
    public String toString() {
        return "IssuedApiToken[token=" + token + ", secret=" + token.prefix() + "...]";
    }
}
