package com.itadcustody.retirement;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads the event type out of an envelope's JSON text. */
final class RetirementWorkflowTestsAccess {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RetirementWorkflowTestsAccess() {
    }

    static String type(String envelope) {
        try {
            return JSON.readTree(envelope).get("type").asText();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
