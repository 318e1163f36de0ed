package com.itadcustody.custody.internal.tlog;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A deliberately naive Merkle tree written straight from RFC 6962 §2.1 (MTH, PATH, PROOF/SUBPROOF over a list of
 * entries), sharing no code with {@link Merkle}; the oracle for the exhaustive tests.
 */
final class ReferenceMerkle {

    private final List<byte[]> entries;
    private final Map<String, Object> memo = new HashMap<>();

    ReferenceMerkle(List<byte[]> entries) {
        this.entries = List.copyOf(entries);
    }

    @SuppressWarnings("unchecked")
    private <T> T memo(String key, java.util.function.Supplier<T> compute) {
        Object value = memo.get(key);
        if (value == null) {
            value = compute.get();
            memo.put(key, value);
        }
        return (T) value;
    }

    /** Entries 0..n-1 whose bytes are distinct and of varying length. */
    static ReferenceMerkle ofSize(int n) {
        List<byte[]> entries = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            entries.add(("entry " + i + " " + "x".repeat(i % 7)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return new ReferenceMerkle(entries);
    }

    List<byte[]> entries() {
        return entries;
    }

    int size() {
        return entries.size();
    }

    /** MTH(D[n]) over the first n entries. */
    byte[] mth(int n) {
        return this.<byte[]>memo("mth " + n, () -> mth(entries.subList(0, n))).clone();
    }

    byte[] leafHash(int i) {
        return sha256(new byte[] {0}, entries.get(i));
    }

    /** PATH(m, D[n]). */
    List<byte[]> path(int m, int n) {
        return memo("path " + m + " " + n, () -> List.copyOf(path(m, entries.subList(0, n))));
    }

    /** PROOF(m, D[n]). */
    List<byte[]> proof(int m, int n) {
        if (m == 0 || m == n) {
            return List.of();
        }
        return memo("proof " + m + " " + n, () -> List.copyOf(subproof(m, entries.subList(0, n), true)));
    }

    /** A store of every perfect subtree of the first n entries, computed by MTH, that refuses any other node. */
    SubtreeHashes perfectSubtrees(int n) {
        return memo("store " + n, () -> buildStore(n));
    }

    private SubtreeHashes buildStore(int n) {
        Map<String, byte[]> nodes = new HashMap<>();
        for (int level = 0; (1 << level) <= n; level++) {
            for (int index = 0; (index + 1) << level <= n; index++) {
                nodes.put(level + "/" + index, mth(entries.subList(index << level, (index + 1) << level)));
            }
        }
        return (level, index) -> {
            byte[] hash = nodes.get(level + "/" + index);
            if (hash == null) {
                throw new IllegalArgumentException("no perfect subtree " + level + "/" + index + " in size " + n);
            }
            return hash.clone();
        };
    }

    private static byte[] mth(List<byte[]> d) {
        int n = d.size();
        if (n == 0) {
            return sha256();
        }
        if (n == 1) {
            return sha256(new byte[] {0}, d.get(0));
        }
        int k = largestPowerOfTwoBelow(n);
        return sha256(new byte[] {1}, mth(d.subList(0, k)), mth(d.subList(k, n)));
    }

    private static List<byte[]> path(int m, List<byte[]> d) {
        int n = d.size();
        List<byte[]> result = new ArrayList<>();
        if (n == 1) {
            return result;
        }
        int k = largestPowerOfTwoBelow(n);
        if (m < k) {
            result.addAll(path(m, d.subList(0, k)));
            result.add(mth(d.subList(k, n)));
        } else {
            result.addAll(path(m - k, d.subList(k, n)));
            result.add(mth(d.subList(0, k)));
        }
        return result;
    }

    private static List<byte[]> subproof(int m, List<byte[]> d, boolean b) {
        int n = d.size();
        List<byte[]> result = new ArrayList<>();
        if (m == n) {
            if (!b) {
                result.add(mth(d));
            }
            return result;
        }
        int k = largestPowerOfTwoBelow(n);
        if (m <= k) {
            result.addAll(subproof(m, d.subList(0, k), b));
            result.add(mth(d.subList(k, n)));
        } else {
            result.addAll(subproof(m - k, d.subList(k, n), false));
            result.add(mth(d.subList(0, k)));
        }
        return result;
    }

    /** The largest power of two smaller than n (n > 1), by counting up as the RFC words it. */
    private static int largestPowerOfTwoBelow(int n) {
        int k = 1;
        while (k * 2 < n) {
            k *= 2;
        }
        return k;
    }

    private static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                digest.update(part);
            }
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
