package com.itadcustody.custody.internal.tlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Numbers are written as ECMAScript Number.prototype.toString writes them: the RFC 8785 Appendix B samples, and
 * 5,000 values checked against V8 itself ({@code src/test/resources/tlog/es-number-vectors.txt}, generated once with
 * Node.js from a fixed seed).
 */
class JcsNumberFormattingTests {

    private static String format(String ieeeHex) {
        return Jcs.formatNumber(Double.longBitsToDouble(Long.parseUnsignedLong(ieeeHex, 16)));
    }

    @Test
    void formatsTheRfc8785AppendixBSamples() {
        String[][] samples = {
                {"0000000000000000", "0"},
                {"8000000000000000", "0"},
                {"0000000000000001", "5e-324"},
                {"8000000000000001", "-5e-324"},
                {"7fefffffffffffff", "1.7976931348623157e+308"},
                {"ffefffffffffffff", "-1.7976931348623157e+308"},
                {"4340000000000000", "9007199254740992"},
                {"c340000000000000", "-9007199254740992"},
                {"4430000000000000", "295147905179352830000"},
                {"44b52d02c7e14af5", "9.999999999999997e+22"},
                {"44b52d02c7e14af6", "1e+23"},
                {"44b52d02c7e14af7", "1.0000000000000001e+23"},
                {"444b1ae4d6e2ef4e", "999999999999999700000"},
                {"444b1ae4d6e2ef4f", "999999999999999900000"},
                {"444b1ae4d6e2ef50", "1e+21"},
                {"3eb0c6f7a0b5ed8c", "9.999999999999997e-7"},
                {"3eb0c6f7a0b5ed8d", "0.000001"},
                {"41b3de4355555553", "333333333.3333332"},
                {"41b3de4355555554", "333333333.33333325"},
                {"41b3de4355555555", "333333333.3333333"},
                {"41b3de4355555556", "333333333.3333334"},
                {"41b3de4355555557", "333333333.33333343"},
                {"becbf647612f3696", "-0.0000033333333333333333"},
                {"43143ff3c1cb0959", "1424953923781206.2"}};
        for (String[] sample : samples) {
            assertThat(format(sample[0])).as(sample[0]).isEqualTo(sample[1]);
        }
    }

    @Test
    void rejectsTheAppendixBNonFiniteSamples() {
        assertThatThrownBy(() -> format("7fffffffffffffff")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> format("7ff0000000000000")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> format("fff0000000000000")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void agreesWithV8OnFiveThousandValues() throws IOException {
        List<String> mismatches = new ArrayList<>();
        int checked = 0;
        try (InputStream in = getClass().getResourceAsStream("/tlog/es-number-vectors.txt")) {
            assertThat(in).as("vector file").isNotNull();
            for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split(" ");
                String actual = format(parts[0]);
                if (!actual.equals(parts[1])) {
                    mismatches.add(parts[0] + ": expected " + parts[1] + ", got " + actual);
                }
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(5000);
        assertThat(mismatches).isEmpty();
    }

    @Test
    void switchesToExponentsWhereEcmaScriptDoes() {
        assertThat(Jcs.formatNumber(1e20)).isEqualTo("100000000000000000000");
        assertThat(Jcs.formatNumber(1e21)).isEqualTo("1e+21");
        assertThat(Jcs.formatNumber(123e-8)).isEqualTo("0.00000123");
        assertThat(Jcs.formatNumber(1e-7)).isEqualTo("1e-7");
        assertThat(Jcs.formatNumber(1.5e-7)).isEqualTo("1.5e-7");
        assertThat(Jcs.formatNumber(-0.0)).isEqualTo("0");
        assertThat(Jcs.formatNumber(0.1 + 0.2)).isEqualTo("0.30000000000000004");
        assertThat(Jcs.formatNumber(100)).isEqualTo("100");
        assertThat(Jcs.formatNumber(-42.5)).isEqualTo("-42.5");
    }
}
