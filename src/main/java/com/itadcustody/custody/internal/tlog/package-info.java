/**
 * The custody log's transparency-log primitives: pure Java, no framework, no database, so that the service, the
 * full audit and the offline verifier share one implementation of every byte format. (A later
 * {@code docs/custody-log-format.md} describes the same formats for independent verifiers.)
 *
 * <h2>Entries</h2>
 * An entry (event envelope) is JSON serialized with RFC 8785 JCS ({@link com.itadcustody.custody.internal.tlog.Jcs}):
 * members sorted by UTF-16 code units, no whitespace, minimal string escaping, ECMAScript number formatting,
 * UTF-8. These exact bytes are stored and hashed; integers beyond ±2^53 are refused (send them as strings).
 *
 * <h2>Merkle tree (RFC 6962 / RFC 9162)</h2>
 * {@code leaf = SHA-256(0x00 || entry)}, {@code node = SHA-256(0x01 || left || right)}, empty tree
 * {@code SHA-256("")}; a tree of n leaves is the node of a perfect left subtree of k leaves (the largest power of
 * two below n) and the tree of the remaining leaves. Only perfect subtrees are ever stored, addressed by
 * {@code (level, index)} ({@link com.itadcustody.custody.internal.tlog.SubtreeHashes}); each is written once, when
 * its last leaf is appended ({@link com.itadcustody.custody.internal.tlog.CompactRange}), and roots, inclusion
 * proofs (RFC 9162 §2.1.3) and consistency proofs (§2.1.4) need O(log n) of them
 * ({@link com.itadcustody.custody.internal.tlog.Merkle}).
 *
 * <h2>Signed notes (c2sp.org/signed-note)</h2>
 * {@code text ending in \n}, a blank line, then lines {@code "— <key name> <base64(key ID || Ed25519 signature)>"}
 * (U+2014 em dash). The key ID is {@code SHA-256(name || 0x0A || 0x01 || 32-byte public key)[:4]}, big-endian.
 * Keys are written as {@code name+<8 hex key ID>+base64(0x01 || public key)} and
 * {@code PRIVATE+KEY+name+<8 hex key ID>+base64(0x01 || seed)}, as golang.org/x/mod/sumdb/note does
 * ({@link com.itadcustody.custody.internal.tlog.NoteKey}, {@link com.itadcustody.custody.internal.tlog.NoteSigner},
 * {@link com.itadcustody.custody.internal.tlog.SignedNote}).
 *
 * <h2>Checkpoints (c2sp.org/tlog-checkpoint)</h2>
 * A signed note whose text is {@code <origin>\n<tree size>\n<base64 root hash>\n} plus optional extension lines
 * ({@link com.itadcustody.custody.internal.tlog.Checkpoint}).
 *
 * <h2>Proof bundles (c2sp.org/tlog-proof@v1)</h2>
 * {@code c2sp.org/tlog-proof@v1\n}, an optional {@code extra <base64>\n}, {@code index <n>\n}, one base64 inclusion
 * proof hash per line, an empty line, then the signed checkpoint verbatim
 * ({@link com.itadcustody.custody.internal.tlog.TlogProof}).
 *
 * <h2>Errors</h2>
 * Methods named {@code parse} throw {@link java.lang.IllegalArgumentException} for malformed input. Methods named
 * {@code verify…} or {@code open} throw {@link com.itadcustody.custody.internal.tlog.VerificationException} with
 * the exact reason for every failure, malformed input included. All base64 is standard (RFC 4648 §4), padded and
 * must be canonical.
 */
package com.itadcustody.custody.internal.tlog;
