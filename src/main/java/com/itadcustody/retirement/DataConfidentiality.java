package com.itadcustody.retirement;

/** FIPS 199 confidentiality of the data an asset held; with the destination it decides the sanitization. */
public enum DataConfidentiality {
    LOW, MODERATE, HIGH;

    /** Whether data of this level needs a backup or retention decision before sanitization. */
    public boolean needsBackupDecision() {
        return this != LOW;
    }
}
