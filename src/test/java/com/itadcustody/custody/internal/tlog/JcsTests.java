package com.itadcustody.custody.internal.tlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * RFC 8785 canonical JSON: the examples of the RFC itself (§3.2.2 and §3.2.3) and the test data of its reference
 * implementation (github.com/cyberphone/json-canonicalization, {@code testdata/input} and {@code testdata/output}:
 * structures, values, weird), plus the strictness this project adds.
 */
class JcsTests {

    private static String canonical(String json) {
        return new String(Jcs.canonicalizeJson(json), StandardCharsets.UTF_8);
    }

    @Test
    void sortsMembersByUtf16CodeUnitsAsInTheRfcSortingExample() {
        // RFC 8785 §3.2.3: the emoji (surrogate pair D83D DE00) sorts before U+FB33 although its code point is larger.
        String input = """
                {
                  "\\u20ac": "Euro Sign",
                  "\\r": "Carriage Return",
                  "\\ufb33": "Hebrew Letter Dalet With Dagesh",
                  "1": "One",
                  "\\ud83d\\ude00": "Emoji: Grinning Face",
                  "\\u0080": "Control",
                  "\\u00f6": "Latin Small Letter O With Diaeresis"
                }""";
        assertThat(canonical(input)).isEqualTo("{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\","
                + "\"\u00f6\":\"Latin Small Letter O With Diaeresis\",\"\u20ac\":\"Euro Sign\","
                + "\"\ud83d\ude00\":\"Emoji: Grinning Face\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}");
    }

    @Test
    void serializesTheRfcPrimitiveDataTypesExample() {
        // RFC 8785 §3.2.2, the input and its canonical output, also as UTF-8 hex (§3.2.4).
        String input = """
                {
                  "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
                  "string": "\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\"\\/",
                  "literals": [null, true, false]
                }""";
        String expected = "{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
                + "\"string\":\"\u20ac$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}";
        assertThat(canonical(input)).isEqualTo(expected);
        assertThat(HexFormat.of().formatHex(Jcs.canonicalizeJson(input))).isEqualTo((""
                + "7b 22 6c 69 74 65 72 61 6c 73 22 3a 5b 6e 75 6c 6c 2c 74 72"
                + "75 65 2c 66 61 6c 73 65 5d 2c 22 6e 75 6d 62 65 72 73 22 3a"
                + "5b 33 33 33 33 33 33 33 33 33 2e 33 33 33 33 33 33 33 2c 31"
                + "65 2b 33 30 2c 34 2e 35 2c 30 2e 30 30 32 2c 31 65 2d 32 37"
                + "5d 2c 22 73 74 72 69 6e 67 22 3a 22 e2 82 ac 24 5c 75 30 30"
                + "30 66 5c 6e 41 27 42 5c 22 5c 5c 5c 5c 5c 22 2f 22 7d").replace(" ", ""));
    }

    @Test
    void matchesTheReferenceImplementationTestData() {
        // cyberphone/json-canonicalization testdata/input/structures.json -> testdata/output/structures.json
        assertThat(canonical("{\n  \"1\": {\"f\": {\"f\": \"hi\",\"F\": 5} ,\"\\n\": 56.0},\n  \"10\": { },\n"
                + "  \"\": \"empty\",\n  \"a\": { },\n  \"111\": [ { } ],\n  \"A\": { }\n}"))
                .isEqualTo("{\"\":\"empty\",\"1\":{\"\\n\":56,\"f\":{\"F\":5,\"f\":\"hi\"}},\"10\":{},\"111\":[{}],"
                        + "\"A\":{},\"a\":{}}");
        // testdata/input/values.json -> testdata/output/values.json
        assertThat(canonical("{\n  \"numbers\": [1E30, 4.50, 333333333.33333329, 2e-3, 0.000000000000000000000000001],"
                + "\n  \"escaping\": \"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\\"\\/\",\n"
                + "  \"literals\": [null, true, false]\n}"))
                .isEqualTo("{\"escaping\":\"\u20ac$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\",\"literals\":[null,true,false],"
                        + "\"numbers\":[1e+30,4.5,333333333.3333333,0.002,1e-27]}");
        // testdata/input/weird.json -> testdata/output/weird.json (U+0080 and U+007F are written literally)
        assertThat(canonical("{\n  \"\\u20ac\": \"Euro Sign\",\n  \"1\": \"One\",\n  \"\\u0080\": \"Control\\u007f\",\n"
                + "  \"\\ud83d\\ude02\": \"Smiley\",\n  \"\\u00f6\": \"Latin Small Letter O With Diaeresis\",\n"
                + "  \"\\ufb33\": \"Hebrew Letter Dalet With Dagesh\",\n  \"</script>\": \"Browser Challenge\"\n}\n"))
                .isEqualTo("{\"1\":\"One\",\"</script>\":\"Browser Challenge\",\"\u0080\":\"Control\u007f\","
                        + "\"\u00f6\":\"Latin Small Letter O With Diaeresis\",\"\u20ac\":\"Euro Sign\","
                        + "\"\ud83d\ude02\":\"Smiley\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}");
    }

    @Test
    void escapesOnlyQuoteBackslashAndControlCharacters() {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0x20; c++) {
            all.append(c);
        }
        all.append("\"\\/\u007f\u2028\u2029\ud83d\ude00");
        assertThat(Jcs.canonicalString(all.toString())).isEqualTo("\"\\u0000\\u0001\\u0002\\u0003\\u0004\\u0005"
                + "\\u0006\\u0007\\b\\t\\n\\u000b\\f\\r\\u000e\\u000f\\u0010\\u0011\\u0012\\u0013\\u0014\\u0015"
                + "\\u0016\\u0017\\u0018\\u0019\\u001a\\u001b\\u001c\\u001d\\u001e\\u001f\\\"\\\\/\u007f\u2028\u2029"
                + "\ud83d\ude00\"");
    }

    @Test
    void givesJavaTreesAndJacksonTreesTheSameBytes() throws Exception {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("zeta", List.of(1, 2L, 3.5, "x"));
        data.put("alpha", null);
        data.put("mid", Map.of("b", true, "a", false));
        data.put("big", new BigDecimal("0.1"));
        data.put("bigInt", BigInteger.valueOf(9007199254740992L));
        data.put("arr", new Object[] {(short) 1, (byte) 2, 1.5f});
        String expected = "{\"alpha\":null,\"arr\":[1,2,1.5],\"big\":0.1,\"bigInt\":9007199254740992,"
                + "\"mid\":{\"a\":false,\"b\":true},\"zeta\":[1,2,3.5,\"x\"]}";
        assertThat(Jcs.canonicalString(data)).isEqualTo(expected);
        assertThat(Jcs.canonicalize(new ObjectMapper().valueToTree(data))).isEqualTo(
                expected.getBytes(StandardCharsets.UTF_8));
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("b", 1).put("a", "\u00e9");
        assertThat(Jcs.canonicalize(node)).isEqualTo("{\"a\":\"\u00e9\",\"b\":1}".getBytes(StandardCharsets.UTF_8));
        assertThat(Jcs.canonicalString(List.of())).isEqualTo("[]");
        assertThat(Jcs.canonicalString(Map.of())).isEqualTo("{}");
        assertThat(Jcs.canonicalString(null)).isEqualTo("null");
    }

    @Test
    void recognisesCanonicalBytes() {
        assertThat(Jcs.isCanonical("{\"a\":1,\"b\":[true]}".getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(Jcs.isCanonical("{\"b\":1,\"a\":2}".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(Jcs.isCanonical("{\"a\": 1}".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(Jcs.isCanonical("{\"a\":1.0}".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(Jcs.isCanonical("{\"a\":\"\\u00e9\"}".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(Jcs.isCanonical("not json".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(Jcs.isCanonical(new byte[] {'"', (byte) 0xC3, '"'})).isFalse();
    }

    @Test
    void rejectsDuplicateNamesNonFiniteNumbersAndTrailingData() {
        assertThatThrownBy(() -> Jcs.canonicalizeJson("{\"a\":1,\"a\":2}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Duplicate");
        assertThatThrownBy(() -> Jcs.canonicalizeJson("{\"a\":{\"b\":1,\"b\":1}}"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Jcs.canonicalizeJson("[NaN]")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Jcs.canonicalizeJson("[1e400]")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Jcs.canonicalizeJson("{} {}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Jcs.canonicalizeJson("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Jcs.canonicalizeJson("[01]")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Jcs.canonicalString(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Jcs.canonicalString(List.of(Double.NEGATIVE_INFINITY)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Jcs.canonicalString(Float.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsIntegersThatADoubleWouldSilentlyRound() {
        assertThat(Jcs.canonicalString(List.of(9007199254740992L, -9007199254740992L)))
                .isEqualTo("[9007199254740992,-9007199254740992]");
        assertThatThrownBy(() -> Jcs.canonicalString(9007199254740993L))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("as a string");
        assertThatThrownBy(() -> Jcs.canonicalString(BigInteger.TWO.pow(64)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Jcs.canonicalizeJson("[295147905179352830000]"))
                .isInstanceOf(IllegalArgumentException.class);
        // As a floating literal it is a double, and JCS writes it as ECMAScript does.
        assertThat(canonical("[2.9514790517935283e20]")).isEqualTo("[295147905179352830000]");
    }

    @Test
    void rejectsLoneSurrogatesAndTypesWithoutAJsonForm() {
        assertThatThrownBy(() -> Jcs.canonicalString("a\ud800b")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lone surrogate");
        assertThatThrownBy(() -> Jcs.canonicalizeJson("[\"\\udc00\"]")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Jcs.canonicalString(Map.of("k\ude00", 1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Jcs.canonicalString(UUID.randomUUID())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.util.UUID");
        assertThatThrownBy(() -> Jcs.canonicalString(Map.of(1, "x"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("member names must be strings");
        assertThatThrownBy(() -> Jcs.canonicalize(JsonNodeFactory.instance.binaryNode(new byte[] {1})))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Jcs.canonicalize(JsonNodeFactory.instance.pojoNode(new Object())))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keepsArrayOrderAndNestsDeeply() {
        assertThat(canonical("[3, [2, [1, {\"b\": [], \"a\": {}}]]]")).isEqualTo("[3,[2,[1,{\"a\":{},\"b\":[]}]]]");
        Object deep = "x";
        for (int i = 0; i < 500; i++) {
            deep = List.of(deep);
        }
        assertThat(Jcs.canonicalString(deep)).hasSize(1003);
        byte[] utf8 = Jcs.canonicalize(Map.of("\u00e9", "\ud83d\ude00"));
        assertThat(Arrays.copyOfRange(utf8, 2, 4)).containsExactly(0xC3, 0xA9);
    }
}
