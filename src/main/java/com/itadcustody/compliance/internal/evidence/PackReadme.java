package com.itadcustody.compliance.internal.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.itadcustody.compliance.EvidencePackView;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The README of an evidence pack: what is in it and the exact commands that verify it with standard tools and the
 * offline verifier. The commands are the {@code sh} blocks: the first sets variables, each later one is a
 * self-contained step (run after the first) that prints {@code OK} lines and exits non-zero at the first failure.
 * The tests run these very blocks, so README and verification cannot drift apart.
 */
final class PackReadme {

    /** At most this many assets are listed in the README; {@code pack.json} lists them all. */
    static final int LISTED_ASSETS = 200;

    private PackReadme() {
    }

    static String render(EvidencePackView pack, String origin, JsonNode assets, int checkpoints, boolean timestamped,
            int entries, int certificates, int reports, int files) {
        StringBuilder table = new StringBuilder("| asset tag | serial number | status | folder |\n|---|---|---|---|\n");
        int listed = 0;
        for (JsonNode asset : assets) {
            if (listed++ == LISTED_ASSETS) {
                table.append("| … | | | (").append(assets.size() - LISTED_ASSETS)
                        .append(" more in `pack.json`) |\n");
                break;
            }
            table.append("| ").append(cell(asset.path("tag").asText())).append(" | ")
                    .append(cell(asset.path("serialNumber").asText(""))).append(" | ")
                    .append(asset.path("status").asText()).append(" | `").append(asset.path("directory").asText())
                    .append("` |\n");
        }
        return TEMPLATE
                .replace("{{label}}", pack.label())
                .replace("{{id}}", pack.id().toString())
                .replace("{{builtAt}}", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString())
                .replace("{{counts}}", assets.size() + " asset" + (assets.size() == 1 ? "" : "s") + ", " + entries
                        + " custody entries, " + certificates + " certificate" + (certificates == 1 ? "" : "s") + ", "
                        + reports + " erasure report" + (reports == 1 ? "" : "s") + ", " + files
                        + " other evidence file" + (files == 1 ? "" : "s") + ", " + checkpoints + " checkpoint"
                        + (checkpoints == 1 ? "" : "s")
                        + (timestamped ? " with RFC 3161 timestamp tokens" : " (no RFC 3161 timestamps)"))
                .replace("{{assets}}", table.toString())
                .replace("{{origin}}", origin.replace("'", ""));
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    private static final String TEMPLATE = """
            # Evidence pack: {{label}}

            Pack `{{id}}`, built {{builtAt}} by ITAD Custody: {{counts}}.

            This pack is made to be checked **without trusting the service that built it**. Every claim rests on one
            of three signatures, each checked below with standard tools:

            - the custody log's **checkpoints** (Ed25519 signed notes, C2SP `signed-note`): they commit to every
              custody event, and each event's envelope comes with an inclusion proof (C2SP `tlog-proof@v1`) against one;
            - the **certificates** (PDF, PAdES signatures by the organisation's document-signing key);
            - where present, **RFC 3161 timestamp tokens** of the checkpoints, by an independent time-stamping authority.

            The trust anchors are in `keys/`: `custody-log-keys.txt` (the log's verifier keys) and
            `document-signing-ca.pem` (the document-signing CA). They come from the same service as the rest, so compare
            them with copies you obtained independently (the service publishes them at
            `/api/v1/public/custody/keys` and `/api/v1/public/certificates/ca.pem`; an earlier pack or export also
            has them) or point `KEYS` and `CA` below at your own copies. The log's origin is `{{origin}}`.

            ## Contents

            | path | what |
            |---|---|
            | `assets/<asset id>/custody/<seq>.json` | each custody event of the asset: the log entry's envelope, byte for byte as stored and hashed (canonical JSON, RFC 8785; no newline at the end) |
            | `assets/<asset id>/custody/<seq>.tlog-proof` | its inclusion proof in C2SP `tlog-proof@v1` form, ending with the signed checkpoint it leads to |
            | `assets/<asset id>/certificates/<number>.pdf` | the asset's certificates of sanitization (one per medium) and of disposition, as signed (valid, revoked and superseded ones alike; `pack.json` gives each one's status) |
            | `assets/<asset id>/erasure-reports/` | vendors' erasure reports named by the asset's custody events, as received |
            | `assets/<asset id>/evidence/` | other evidence files of the asset's retirements (recycling certificates, destruction photos, on-site reports) |
            | `checkpoints/<size>.note` | every checkpoint the proofs lead to (signed notes) |
            | `checkpoints/<size>.tst` | its RFC 3161 timestamp token (DER), where the log had a time-stamping authority |
            | `keys/custody-log-keys.txt` | the custody log's verifier keys, one per line (`<name>+<key id>+<base64 key>`) |
            | `keys/document-signing-ca.pem` | the CA certificate(s) of the document-signing keys |
            | `pack.json` | what the pack covers: assets, files, certificate statuses (informational, not signed) |
            | `SHA256SUMS` | the SHA-256 of every other file, for `sha256sum -c` |

            Assets:

            {{assets}}
            ## Verifying

            You need bash, GNU coreutils (`sha256sum`, `base64`, `od`), OpenSSL 3, poppler's `pdfsig` with NSS's
            `certutil` (Debian: `apt-get install poppler-utils libnss3-tools openssl`), and for step 6 Java 17 with the
            service's jar (`itad-custody-*.jar`, the offline verifier; it needs no database and no network). Unpack the
            zip, `cd` into it and paste the settings, then each step: every step prints `OK` lines and ends with exit
            status 0, or prints `FAILED` and ends with exit status 1.

            Settings (point `VERIFY` at your copy of the jar; `KEYS`, `CA` and `TSA_CA` at trust anchors of your own):

            ```sh
            VERIFY=${VERIFY:-"java -jar itad-custody-0.1.0-SNAPSHOT.jar"}
            ORIGIN=${ORIGIN:-'{{origin}}'}
            KEYS=${KEYS:-keys/custody-log-keys.txt}
            CA=${CA:-keys/document-signing-ca.pem}
            TSA_CA=${TSA_CA:-}
            WORK=$(mktemp -d)
            ```

            ### 1. Every file is complete and unchanged (`sha256sum`)

            ```sh
            sha256sum --check --strict SHA256SUMS
            ```

            This catches damage in transit. It does not by itself prove anything against someone who rewrote the pack
            (they would rewrite `SHA256SUMS` too): the signatures below do.

            ### 2. The certificates are signed by the organisation and unchanged since (`pdfsig`)

            ```sh
            mkdir "$WORK/nss" && certutil -N -d "sql:$WORK/nss" --empty-password || exit 1
            awk -v dir="$WORK" '/-BEGIN CERTIFICATE-/ { n++ } n { print > (dir "/ca-" n ".pem") }' "$CA"
            for ca in "$WORK"/ca-*.pem; do certutil -A -d "sql:$WORK/nss" -n "${ca##*/}" -t "CT,C,C" -i "$ca" || exit 1; done
            for pdf in assets/*/certificates/*.pdf; do
              [ -e "$pdf" ] || { echo "OK: no certificates in this pack"; break; }
              out=$(pdfsig -nssdir "sql:$WORK/nss" "$pdf" 2>&1)
              if printf '%s\\n' "$out" | grep -q 'Signature is Valid\\.' && printf '%s\\n' "$out" | grep -q 'Certificate is Trusted\\.' \\
                 && printf '%s\\n' "$out" | grep -q 'Total document signed'; then
                echo "OK: $pdf: signature valid, signer trusted, whole document signed"
              else
                printf '%s\\n' "$out"; echo "FAILED: $pdf"; exit 1
              fi
            done
            ```

            ### 3. Each certificate and erasure report is the file a custody event names

            Custody events name the files that back them by SHA-256 (the envelope's `evidence`). Certificates and
            erasure reports must be named by one of their asset's events; other evidence files are reported either way.

            ```sh
            for f in assets/*/certificates/* assets/*/erasure-reports/*; do
              [ -e "$f" ] || continue
              h=$(sha256sum "$f" | cut -c1-64); dir=${f%/*/*}
              if grep -q "\\"sha256\\":\\"$h\\"" "$dir"/custody/*.json; then echo "OK: $f is named by a custody event"
              else echo "FAILED: no custody event of ${dir#assets/} names $f (SHA-256 $h)"; exit 1; fi
            done
            for f in assets/*/evidence/*; do
              [ -e "$f" ] || continue
              h=$(sha256sum "$f" | cut -c1-64); dir=${f%/*/*}
              if grep -q "\\"sha256\\":\\"$h\\"" "$dir"/custody/*.json; then echo "OK: $f is named by a custody event"
              else echo "NOTE: $f is not named by a custody event (stored with the retirement, not recorded in a step)"; fi
            done
            ```

            ### 4. The checkpoints are signed by the custody log's key (`openssl`)

            The signed text is the note up to its empty line; the signature line is `— <key name> <base64 of 4-byte key
            id and 64-byte Ed25519 signature>`; the key id is the first 4 bytes of SHA-256(name, LF, 0x01, public key).

            ```sh
            for note in checkpoints/*.note; do
              sed '/^$/,$d' "$note" > "$WORK/body"
              [ "$(head -n 1 "$WORK/body")" = "$ORIGIN" ] || { echo "FAILED: $note is not a checkpoint of $ORIGIN"; exit 1; }
              sig=$(grep -m 1 '^— ' "$note"); name=$(printf '%s' "$sig" | cut -d' ' -f2)
              printf '%s' "$sig" | cut -d' ' -f3 | base64 -d > "$WORK/sigblob"
              keyid=$(head -c 4 "$WORK/sigblob" | od -An -tx1 | tr -d ' \\n')
              key=$(grep -F "$name+$keyid+" "$KEYS" | head -n 1)
              [ -n "$key" ] || { echo "FAILED: $note is signed by $name+$keyid, which is not in $KEYS"; exit 1; }
              printf '%s' "$key" | cut -d+ -f3- | base64 -d | tail -c 32 > "$WORK/pub.raw"
              [ "$({ printf '%s\\n\\001' "$name"; cat "$WORK/pub.raw"; } | sha256sum | cut -c1-8)" = "$keyid" ] \\
                || { echo "FAILED: the key id of $name+$keyid does not match its key"; exit 1; }
              { printf '\\060\\052\\060\\005\\006\\003\\053\\145\\160\\003\\041\\000'; cat "$WORK/pub.raw"; } > "$WORK/pub.der"
              openssl pkey -pubin -inform DER -in "$WORK/pub.der" -out "$WORK/pub.pem" || exit 1
              tail -c 64 "$WORK/sigblob" > "$WORK/sig"
              if openssl pkeyutl -verify -pubin -inkey "$WORK/pub.pem" -rawin -in "$WORK/body" -sigfile "$WORK/sig" > /dev/null
              then echo "OK: $note (tree size $(sed -n 2p "$WORK/body")) is signed by $name+$keyid"
              else echo "FAILED: the signature of $note does not verify"; exit 1; fi
            done
            ```

            ### 5. The checkpoints' RFC 3161 timestamps (`openssl ts`)

            Each token is over SHA-256 of the whole note. Set `TSA_CA` to the time-stamping authority's CA certificate
            (PEM), obtained from the authority.

            ```sh
            set -- checkpoints/*.tst
            if [ ! -e "$1" ]; then
              echo "OK: no RFC 3161 tokens in this pack (the log had no time-stamping authority when these were signed)"
            else
              [ -n "$TSA_CA" ] || { echo "FAILED: set TSA_CA to the time-stamping authority's CA certificate to check $*"; exit 1; }
              for tst in "$@"; do
                if openssl ts -verify -token_in -in "$tst" -data "${tst%.tst}.note" -CAfile "$TSA_CA" > /dev/null 2>&1
                then echo "OK: $tst timestamps ${tst%.tst}.note"
                else openssl ts -verify -token_in -in "$tst" -data "${tst%.tst}.note" -CAfile "$TSA_CA"; echo "FAILED: $tst"; exit 1; fi
              done
            fi
            ```

            ### 6. Every envelope is in the custody log (offline verifier)

            The leaf hash is SHA-256 of a 0x00 byte followed by the envelope; `verify-proof` checks the checkpoint's
            signature with `KEYS` and the inclusion proof from that leaf to the checkpoint's root.

            ```sh
            for proof in assets/*/custody/*.tlog-proof; do
              envelope=${proof%.tlog-proof}.json
              leaf=$({ printf '\\000'; cat "$envelope"; } | sha256sum | cut -c1-64)
              $VERIFY verify-proof "$proof" --leaf "$leaf" --keys "$KEYS" --origin "$ORIGIN" || { echo "FAILED: $envelope"; exit 1; }
            done
            ```

            ### 7. Each asset's envelopes form one unbroken chain

            Every envelope but an asset's first names the leaf hash of the asset's previous one (`assetPrev`), so a
            missing, added or changed event breaks the chain.

            ```sh
            for dir in assets/*/custody; do
              prev=; count=0
              for envelope in "$dir"/*.json; do
                link=$(grep -o '"assetPrev":"[0-9a-f]*"' "$envelope" | head -n 1 | cut -d'"' -f4)
                [ "$link" = "$prev" ] || { echo "FAILED: $envelope: assetPrev is '$link', but the previous envelope hashes to '$prev'"; exit 1; }
                prev=$({ printf '\\000'; cat "$envelope"; } | sha256sum | cut -c1-64); count=$((count + 1))
              done
              echo "OK: ${dir%/custody} is one chain of $count entries, head $prev"
            done
            ```

            The envelopes' fields, the log's hashing and the checkpoint format are described in the service's
            `docs/custody-log-format.md`; certificates in `docs/certificates.md`; this pack in `docs/evidence-pack.md`.
            To check that the log did not fork, compare these checkpoints with ones you saved earlier: a later
            checkpoint must be consistent with an earlier one (`GET /api/v1/custody/consistency?from=m&to=n`, or an
            export checked with `verify-log`).
            """;
}
