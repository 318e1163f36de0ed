package com.itadcustody.custody.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import org.springframework.stereotype.Component;

/**
 * A minimal RFC 3161 client: asks the configured time-stamping authority ({@code itad.custody.tsa-url}) for a
 * timestamp token over the SHA-256 of the given bytes and returns the token (a CMS ContentInfo, DER). The token is
 * stored with the checkpoint; verifying it (CMS signature, TSA certificate) is left to standard tools such as
 * {@code openssl ts -verify}.
 */
@Component
public class TimestampClient {

    /** DER of the AlgorithmIdentifier for SHA-256 (OID 2.16.840.1.101.3.4.2.1, NULL parameters). */
    private static final byte[] SHA256_ALGORITHM = {0x30, 0x0d, 0x06, 0x09, 0x60, (byte) 0x86, 0x48, 0x01, 0x65,
        0x03, 0x04, 0x02, 0x01, 0x05, 0x00};

    private final String url;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final SecureRandom random = new SecureRandom();

    TimestampClient(CustodySettings settings) {
        this.url = settings.tsaUrl();
    }

    /** Whether a time-stamping authority is configured. */
    public boolean enabled() {
        return url != null && !url.isBlank();
    }

    /** The TSA's timestamp token over SHA-256({@code data}); throws if the TSA refuses or answers nonsense. */
    public byte[] timestamp(byte[] data) throws IOException, InterruptedException {
        byte[] hash = sha256(data);
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/timestamp-query")
                .POST(HttpRequest.BodyPublishers.ofByteArray(request(hash))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException("the TSA answered HTTP " + response.statusCode());
        }
        return token(response.body(), hash);
    }

    /** DER of TimeStampReq { version 1, messageImprint, nonce, certReq TRUE }. */
    static byte[] request(byte[] hash) {
        byte[] nonce = new BigInteger(63, new SecureRandom()).toByteArray();
        byte[] imprint = tlv(0x30, concat(SHA256_ALGORITHM, tlv(0x04, hash)));
        return tlv(0x30, concat(new byte[] {0x02, 0x01, 0x01}, imprint, tlv(0x02, nonce),
                new byte[] {0x01, 0x01, (byte) 0xff}));
    }

    /** The token of a TimeStampResp whose status is granted (0) or grantedWithMods (1). */
    static byte[] token(byte[] response, byte[] hash) throws IOException {
        Der outer = Der.read(response, 0);
        if (outer.tag != 0x30) {
            throw new IOException("the TSA's answer is not a TimeStampResp");
        }
        Der statusInfo = Der.read(response, outer.contentStart);
        Der status = Der.read(response, statusInfo.contentStart);
        int code = status.tag == 0x02 ? new BigInteger(Arrays.copyOfRange(response, status.contentStart,
                status.end)).intValue() : -1;
        if (code != 0 && code != 1) {
            throw new IOException("the TSA refused the request (PKIStatus " + code + ")");
        }
        if (statusInfo.end >= outer.end) {
            throw new IOException("the TSA granted the request but sent no token");
        }
        Der token = Der.read(response, statusInfo.end);
        byte[] bytes = Arrays.copyOfRange(response, statusInfo.end, token.end);
        if (indexOf(bytes, hash) < 0) {
            throw new IOException("the TSA's token does not cover the checkpoint's hash");
        }
        return bytes;
    }

    private byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] tlv(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int length = content.length;
        if (length < 0x80) {
            out.write(length);
        } else if (length < 0x100) {
            out.write(0x81);
            out.write(length);
        } else {
            out.write(0x82);
            out.write(length >> 8);
            out.write(length & 0xff);
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** One DER element: its tag and where its content starts and the element ends. */
    private record Der(int tag, int contentStart, int end) {
        static Der read(byte[] der, int at) throws IOException {
            if (at + 2 > der.length) {
                throw new IOException("truncated DER");
            }
            int tag = der[at] & 0xff;
            int first = der[at + 1] & 0xff;
            int length;
            int start;
            if (first < 0x80) {
                length = first;
                start = at + 2;
            } else {
                int count = first & 0x7f;
                if (count == 0 || count > 4 || at + 2 + count > der.length) {
                    throw new IOException("unsupported DER length");
                }
                length = 0;
                for (int i = 0; i < count; i++) {
                    length = (length << 8) | (der[at + 2 + i] & 0xff);
                }
                start = at + 2 + count;
            }
            if (length < 0 || start + length > der.length) {
                throw new IOException("truncated DER");
            }
            return new Der(tag, start, start + length);
        }
    }
}
