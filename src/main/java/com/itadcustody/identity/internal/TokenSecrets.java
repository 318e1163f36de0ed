package com.itadcustody.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * API token secrets: {@code itad_} followed by 43 URL-safe characters (256 random bits). A secret this random
 * needs no slow password hash; its SHA-256 is what the database keeps and looks up.
 */
final class TokenSecrets {

    static final String PREFIX = "itad_";
    static final int RANDOM_BYTES = 32;
    /** How much of the secret is kept in clear text so that its owner can recognise it. */
    static final int DISPLAY_LENGTH = PREFIX.length() + 6;
    private static final Pattern FORMAT = Pattern.compile("itad_[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private TokenSecrets() {
    }

    static String newSecret() {
        byte[] bytes = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static boolean wellFormed(String secret) {
        return secret != null && FORMAT.matcher(secret).matches();
    }

    static String displayPrefix(String secret) {
        return secret.substring(0, DISPLAY_LENGTH);
    }

    static String sha256Hex(String secret) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(secret.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
