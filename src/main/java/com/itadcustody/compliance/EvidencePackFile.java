package com.itadcustody.compliance;

import java.nio.file.Path;

/**
 * A built evidence pack's zip, to download.
 *
 * @param path where the zip lies
 * @param fileName the name to save it under
 * @param sizeBytes its size
 * @param sha256 its SHA-256 in lower-case hex
 */
public record EvidencePackFile(Path path, String fileName, long sizeBytes, String sha256) {
}
