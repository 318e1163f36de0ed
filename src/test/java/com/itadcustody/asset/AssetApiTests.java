package com.itadcustody.asset;

import static com.itadcustody.asset.AssetFixtures.csv;
import static com.itadcustody.asset.AssetFixtures.csvHeader;
import static com.itadcustody.asset.AssetFixtures.csvRow;
import static com.itadcustody.asset.AssetFixtures.unique;
import static com.itadcustody.asset.AssetFixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.itadcustody.shared.Actor;
import com.itadcustody.shared.Role;
import com.itadcustody.support.ApiClient;
import com.itadcustody.support.ApiClient.Response;
import com.itadcustody.support.IntegrationTest;
import com.itadcustody.support.TestUsers;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

class AssetApiTests extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    @Autowired
    AssetLifecycle lifecycle;

    ApiClient staff;

    @BeforeEach
    void signIn() {
        staff = ApiClient.withToken(port, users.tokenFor(Role.IT_STAFF));
    }

    @Test
    void registersAnAssetWithTwoMediaAndReadsItBack() {
        String id = unique();
        Response created = staff.post("/api/v1/assets", laptop("LT-" + id, "SN-" + id, "MA-" + id, "MB-" + id));

        assertThat(created.status()).isEqualTo(201);
        JsonNode asset = created.json();
        assertThat(asset.get("status").asText()).isEqualTo("IN_SERVICE");
        assertThat(asset.get("version").asInt()).isZero();
        assertThat(asset.get("createdBy").asText()).isNotBlank();
        Response read = staff.get("/api/v1/assets/" + asset.get("id").asText());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("media")).hasSize(2);
        assertThat(read.json().get("media").get(0).get("mediaType").asText()).isEqualTo("NVME");
        assertThat(read.json().get("purchaseCost").decimalValue()).isEqualByComparingTo("1299.00");
    }

    @Test
    void answersMalformedJsonWithAProblem() {
        Response response = staff.post("/api/v1/assets", "{\"tag\": \"X\", \"type\": ");

        assertProblem(response, 400, "malformed-body");
    }

    @Test
    void namesEveryMissingOrInvalidField() {
        Response response = staff.post("/api/v1/assets", """
                {"tag": "has spaces", "purchaseCost": -5, "purchaseDate": "2999-01-01",
                 "media": [{"serialNumber": ""}]}""");

        assertProblem(response, 400, "validation");
        assertThat(fields(response)).contains("tag", "type", "purchaseCost", "purchaseDate", "media[0].mediaType",
                "media[0].serialNumber");
    }

    @Test
    void requiresAValidCurrencyWithACost() {
        String id = unique();
        Response noCurrency = staff.post("/api/v1/assets",
                "{\"tag\":\"C-" + id + "\",\"type\":\"LAPTOP\",\"purchaseCost\":10}");
        Response badCurrency = staff.post("/api/v1/assets",
                "{\"tag\":\"C-" + id + "\",\"type\":\"LAPTOP\",\"purchaseCost\":10,\"currency\":\"EURO\"}");

        assertProblem(noCurrency, 400, "validation");
        assertThat(fields(noCurrency)).containsExactly("currency");
        assertThat(fields(badCurrency)).containsExactly("currency");
    }

    @Test
    void refusesUnknownEnumValuesNamingTheFieldAndTheAllowedValues() {
        Response badType = staff.post("/api/v1/assets", "{\"tag\":\"E-" + unique() + "\",\"type\":\"TOASTER\"}");
        Response badMedia = staff.post("/api/v1/assets", "{\"tag\":\"E-" + unique()
                + "\",\"type\":\"LAPTOP\",\"media\":[{\"mediaType\":\"FLOPPY\",\"serialNumber\":\"x\"}]}");

        assertProblem(badType, 400, "invalid-value");
        assertThat(fields(badType)).containsExactly("type");
        assertThat(badType.json().get("detail").asText()).contains("LAPTOP", "STORAGE_ARRAY");
        assertThat(fields(badMedia)).containsExactly("media[0].mediaType");
    }

    @Test
    void refusesUnknownFields() {
        Response response = staff.post("/api/v1/assets",
                "{\"tag\":\"U-" + unique() + "\",\"type\":\"LAPTOP\",\"status\":\"DISPOSED\"}");

        assertProblem(response, 400, "unknown-field");
        assertThat(fields(response)).containsExactly("status");
    }

    @Test
    void refusesDuplicateTagsAndSerialsWithAConflict() {
        String id = unique();
        assertThat(staff.post("/api/v1/assets", laptop("D-" + id, "SD-" + id, "M1-" + id, "M2-" + id)).status())
                .isEqualTo(201);

        Response sameTag = staff.post("/api/v1/assets", laptop("D-" + id, "SX-" + id, "M3-" + id, "M4-" + id));
        Response sameSerial = staff.post("/api/v1/assets", laptop("X-" + id, "SD-" + id, "M5-" + id, "M6-" + id));
        Response sameMedium = staff.post("/api/v1/assets", laptop("Y-" + id, "SY-" + id, "M1-" + id, "M7-" + id));
        Response mediumTwice = staff.post("/api/v1/assets", laptop("Z-" + id, "SZ-" + id, "M8-" + id, "M8-" + id));

        assertProblem(sameTag, 409, "duplicate-tag");
        assertThat(fields(sameTag)).containsExactly("tag");
        assertProblem(sameSerial, 409, "duplicate-serial");
        assertThat(fields(sameSerial)).containsExactly("serialNumber");
        assertProblem(sameMedium, 409, "duplicate-media-serial");
        assertThat(fields(sameMedium)).containsExactly("media[0].serialNumber");
        assertThat(fields(mediumTwice)).containsExactly("media[1].serialNumber");
    }

    @Test
    void refusesStatusChangesOutsideTheWorkflow() {
        JsonNode asset = register();

        Response response = staff.put("/api/v1/assets/" + asset.get("id").asText(),
                update(asset, "\"status\":\"DISPOSED\"", asset.get("version").asInt()));

        assertProblem(response, 409, "status-changes-through-workflow");
        assertThat(fields(response)).containsExactly("status");
        assertThat(staff.get("/api/v1/assets/" + asset.get("id").asText()).json().get("status").asText())
                .isEqualTo("IN_SERVICE");
    }

    @Test
    void updatesFieldsAndRefusesAStaleVersion() {
        JsonNode asset = register();
        String path = "/api/v1/assets/" + asset.get("id").asText();

        Response updated = staff.put(path, update(asset, "\"location\":\"Munich\"", 0));
        Response stale = staff.put(path, update(asset, "\"location\":\"Hamburg\"", 0));

        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().get("location").asText()).isEqualTo("Munich");
        assertThat(updated.json().get("version").asInt()).isEqualTo(1);
        assertProblem(stale, 409, "concurrent-change");
    }

    @Test
    void archivedAssetsCanNoLongerChange() {
        JsonNode asset = register();
        String path = "/api/v1/assets/" + asset.get("id").asText();
        ApiClient manager = ApiClient.withToken(port, users.tokenFor(Role.ASSET_MANAGER));

        Response archived = manager.post(path + "/archive", "{\"reason\":\"kept for spare parts\"}");
        Response edit = staff.put(path, update(asset, "\"location\":\"Munich\"", archived.json().get("version")
                .asInt()));
        Response again = manager.post(path + "/archive", null);

        assertThat(archived.status()).isEqualTo(200);
        assertThat(archived.json().get("status").asText()).isEqualTo("ARCHIVED");
        assertProblem(edit, 409, "asset-closed");
        assertProblem(again, 409, "illegal-status-transition");
        assertProblem(manager.delete(path), 409, "asset-has-custody-history");
    }

    @Test
    void refusesDeletingEvenAFreshlyRegisteredAssetItsRegistrationIsHistory() {
        JsonNode asset = register();
        ApiClient manager = ApiClient.withToken(port, users.tokenFor(Role.ASSET_MANAGER));

        assertProblem(manager.delete("/api/v1/assets/" + asset.get("id").asText()), 409,
                "asset-has-custody-history");
        assertThat(staff.get("/api/v1/assets/" + asset.get("id").asText()).status()).isEqualTo(200);
    }

    @Test
    void refusesDeletingAnAssetThatHasCustodyEvents() {
        JsonNode asset = register();
        UUID id = UUID.fromString(asset.get("id").asText());
        lifecycle.transition(id, AssetStatus.RETIREMENT_REQUESTED, actor(), null);
        ApiClient manager = ApiClient.withToken(port, users.tokenFor(Role.ASSET_MANAGER));

        assertProblem(manager.delete("/api/v1/assets/" + id), 409, "asset-has-custody-history");
    }

    @Test
    void answersUnknownAndMalformedIds() {
        assertProblem(staff.get("/api/v1/assets/" + UUID.randomUUID()), 404, "not-found");
        Response malformed = staff.get("/api/v1/assets/not-a-uuid");
        assertProblem(malformed, 400, "invalid-parameter");
        assertThat(fields(malformed)).containsExactly("id");
    }

    @Test
    void addsAndRemovesMedia() {
        JsonNode asset = register();
        String path = "/api/v1/assets/" + asset.get("id").asText() + "/media";

        Response added = staff.post(path, "{\"mediaType\":\"USB_FLASH\",\"serialNumber\":\"U-" + unique() + "\"}");
        Response invalid = staff.post(path, "{\"mediaType\":\"USB_FLASH\",\"serialNumber\":\"\",\"capacityBytes\":0}");

        assertThat(added.status()).isEqualTo(201);
        assertThat(staff.get("/api/v1/assets/" + asset.get("id").asText()).json().get("media")).hasSize(3);
        assertThat(fields(invalid)).containsExactlyInAnyOrder("serialNumber", "capacityBytes");
        assertThat(staff.delete(path + "/" + added.json().get("id").asText()).status()).isEqualTo(204);
        assertThat(staff.get("/api/v1/assets/" + asset.get("id").asText()).json().get("media")).hasSize(2);
    }

    @Test
    void listsWithFiltersPagingAndSorting() {
        String run = unique();
        for (int i = 0; i < 3; i++) {
            staff.post("/api/v1/assets", "{\"tag\":\"P" + i + "-" + run + "\",\"type\":\"" + (i == 2 ? "PHONE" : "LAPTOP")
                    + "\",\"location\":\"Lisbon " + run + "\"}");
        }

        JsonNode page = staff.get("/api/v1/assets?q=" + run + "&type=LAPTOP&sort=tag,desc&size=1&page=0").json();
        JsonNode byLocation = staff.get("/api/v1/assets?location=lisbon%20" + run.toLowerCase()).json();

        assertThat(page.get("totalElements").asLong()).isEqualTo(2);
        assertThat(page.get("totalPages").asInt()).isEqualTo(2);
        assertThat(page.get("content").get(0).get("tag").asText()).isEqualTo("P1-" + run);
        assertThat(byLocation.get("totalElements").asLong()).isEqualTo(3);
    }

    @Test
    void refusesBadListParameters() {
        Response badSort = staff.get("/api/v1/assets?sort=password,asc");
        Response badDirection = staff.get("/api/v1/assets?sort=tag,sideways");
        Response badSize = staff.get("/api/v1/assets?size=0");
        Response badStatus = staff.get("/api/v1/assets?status=GONE");

        assertProblem(badSort, 400, "unknown-sort-field");
        assertThat(fields(badSort)).containsExactly("sort");
        assertProblem(badDirection, 400, "invalid-sort-direction");
        assertProblem(badSize, 400, "invalid-page-size");
        assertProblem(badStatus, 400, "invalid-parameter");
        assertThat(fields(badStatus)).containsExactly("status");
    }

    @Test
    void importsACsvWithAByteOrderMark() {
        String run = unique();
        byte[] file = utf8("\uFEFF" + csvHeader() + csvRow("I-" + run, "SI-" + run, "laptop", "NVME", "MI1-" + run)
                + csvRow("I-" + run, "SI-" + run, "laptop", "HDD_ATA", "MI2-" + run));

        Response response = staff.send("POST", "/api/v1/assets/import", "text/csv", file);

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.json().get("assetsImported").asInt()).isEqualTo(1);
        assertThat(response.json().get("mediaImported").asInt()).isEqualTo(2);
    }

    @Test
    void answersACsvWithABrokenQuoteWithAProblem() {
        byte[] file = utf8(csvHeader() + "Q-" + unique() + ",\"broken,laptop,,,,,,,,,,,,,,,,\n");

        assertProblem(staff.send("POST", "/api/v1/assets/import", "text/csv", file), 400, "malformed-csv");
    }

    @Test
    void reportsAllThreeBadRowsOfAThousandAndImportsNothing() {
        String[] lines = csv(1000, 1).split("\n");
        lines[3] = lines[3].replace(",laptop,", ",,");
        lines[400] = lines[400].replace(",NVME,", ",PUNCHCARD,");
        lines[800] = lines[800].replace(",899.50,", ",-1,");
        String firstTag = lines[1].substring(0, lines[1].indexOf(','));

        Response response = staff.send("POST", "/api/v1/assets/import", "text/csv",
                utf8(String.join("\n", lines)));

        assertProblem(response, 422, "csv-invalid");
        assertThat(response.json().get("totalErrors").asInt()).isEqualTo(3);
        List<String> where = new ArrayList<>();
        response.json().get("errors").forEach(e -> where.add(e.get("row").asInt() + ":" + e.get("field").asText()));
        assertThat(where).containsExactly("4:type", "401:media_type", "801:purchase_cost");
        assertThat(staff.get("/api/v1/assets?q=" + firstTag).json().get("totalElements").asLong()).isZero();
    }

    @Test
    void importsAnUploadedFile() {
        String run = unique();
        String boundary = "----itad" + run;
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + csvHeader()
                + csvRow("F-" + run, "SF-" + run, "laptop", "NVME", "MF-" + run) + "\r\n--" + boundary + "--\r\n";

        Response response = staff.send("POST", "/api/v1/assets/import", "multipart/form-data; boundary=" + boundary,
                utf8(body));

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.json().get("assetsImported").asInt()).isEqualTo(1);
    }

    @Test
    void exportsTheFilteredListWithFormulaCellsNeutralised() {
        String run = unique();
        staff.post("/api/v1/assets", "{\"tag\":\"X-" + run + "\",\"type\":\"LAPTOP\",\"location\":\"=HYPERLINK(\\\"x\\\")\","
                + "\"custodian\":\"@SUM(A1)\",\"department\":\"+1\",\"model\":\"-2\"}");
        staff.post("/api/v1/assets", laptop("Y-" + run, "SY-" + run, "MY1-" + run, "MY2-" + run));

        Response export = staff.get("/api/v1/assets/export?q=" + run + "&sort=tag");

        assertThat(export.status()).isEqualTo(200);
        assertThat(export.contentType()).startsWith("text/csv");
        String[] lines = export.text().split("\r\n");
        assertThat(lines[0]).startsWith("\uFEFFasset_tag,serial_number,type");
        assertThat(lines).hasSize(4); // header, X without media, Y with two media
        assertThat(lines[1]).contains("'-2", "\"'=HYPERLINK(\"\"x\"\")\"", "'@SUM(A1)", "'+1");
        assertThat(lines[2]).startsWith("Y-" + run).contains("NVME");
    }

    private JsonNode register() {
        String id = unique();
        Response response = staff.post("/api/v1/assets", laptop("R-" + id, "SR-" + id, "MR1-" + id, "MR2-" + id));
        assertThat(response.status()).isEqualTo(201);
        return response.json();
    }

    private static String laptop(String tag, String serial, String medium1, String medium2) {
        return """
                {"tag":"%s","serialNumber":"%s","type":"LAPTOP","make":"Lenovo","model":"T14",
                 "purchaseDate":"2022-03-01","purchaseCost":1299.00,"currency":"EUR","warrantyEnd":"2025-03-01",
                 "location":"Berlin","custodian":"j.doe","department":"Finance",
                 "media":[{"mediaType":"NVME","serialNumber":"%s","capacityBytes":512000000000,"selfEncrypting":true},
                          {"mediaType":"SSD_SATA","serialNumber":"%s"}]}""".formatted(tag, serial, medium1, medium2);
    }

    private static String update(JsonNode asset, String change, int version) {
        return "{\"tag\":\"" + asset.get("tag").asText() + "\",\"type\":\"" + asset.get("type").asText()
                + "\",\"version\":" + version + "," + change + "}";
    }

    private static Actor actor() {
        return new Actor(UUID.randomUUID(), "workflow", Set.of(Role.ASSET_MANAGER), null);
    }

    static List<String> fields(Response response) {
        List<String> fields = new ArrayList<>();
        response.json().path("errors").forEach(e -> fields.add(e.get("field").asText()));
        return fields;
    }

    static void assertProblem(Response response, int status, String type) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.isProblem()).as(response.contentType()).isTrue();
        assertThat(response.json().get("type").asText()).isEqualTo("https://itadcustody.com/problems/" + type);
        assertThat(response.text()).doesNotContain("Exception", "at com.", "at org.");
    }
}
