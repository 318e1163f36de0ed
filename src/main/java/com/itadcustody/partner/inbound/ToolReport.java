package com.itadcustody.partner.inbound;

import com.itadcustody.certificate.SanitizationRecord.SanitizationMethodType;
import com.itadcustody.certificate.SanitizationRecord.SanitizationTechnique;
import com.itadcustody.certificate.SanitizationRecord.VerificationMethod;
import com.itadcustody.partner.inbound.ErasureReportParser.Element;
import com.itadcustody.partner.inbound.ErasureReportParser.Parsed;
import com.itadcustody.shared.InputRejected.Problem;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the erasure-tool layout (docs/erasure-report-format.md, sample in docs/samples/erasure-tool-report.xml):
 * one {@code <erasure-report>} per computer, with the software, the operator and one {@code <disk>} per drive; or
 * several of them in {@code <erasure-reports>}. The tool's erasure standard and method are mapped to NIST SP 800-88
 * terms; a drive whose standard names no NIST method is kept as a record with a problem (an exception), not a
 * refused file.
 */
final class ToolReport {

    private ToolReport() {
    }

    static Parsed read(Element root) {
        List<Element> reports = root.name().equals("erasure-reports")
                ? root.children().stream().filter(c -> c.name().equals("erasure-report")).toList() : List.of(root);
        List<ErasureRecord> records = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        int position = 0;
        for (Element report : reports) {
            Element software = report.child("software");
            String tool = software == null ? null : software.childText("name");
            String version = software == null ? null : software.childText("version");
            String operator = report.childText("operator");
            Element computer = report.child("computer");
            String assetSerial = computer == null ? null : computer.childText("serial");
            Element disks = report.child("disks");
            if (disks == null) {
                problems.add(new Problem(null, "disks", "required", "an <erasure-report> needs <disks>"));
                continue;
            }
            for (Element disk : disks.children()) {
                if (!disk.name().equals("disk")) {
                    continue;
                }
                position++;
                ErasureRecord record = disk(position, disk, tool, version, operator, assetSerial, problems);
                if (record != null) {
                    records.add(record);
                }
            }
        }
        return ErasureReportParser.done(ErasureReportFormat.TOOL_XML, records, problems);
    }

    private static ErasureRecord disk(int line, Element disk, String tool, String version, String operator,
            String assetSerial, List<Problem> problems) {
        int before = problems.size();
        String serial = disk.childText("serial");
        Element erasure = disk.child("erasure");
        String diskOperator = disk.childText("operator") != null ? disk.childText("operator") : operator;
        require(line, "disk/serial", serial, problems);
        require(line, "operator", diskOperator, problems);
        if (erasure == null) {
            problems.add(new Problem(line, "disk/erasure", "required", "disk/erasure is required"));
            return null;
        }
        String standard = erasure.childText("standard");
        String method = erasure.childText("method");
        String result = erasure.childText("result");
        require(line, "erasure/standard", standard, problems);
        require(line, "erasure/method", method, problems);
        require(line, "erasure/result", result, problems);
        require(line, "erasure/start-time", erasure.childText("start-time"), problems);
        require(line, "erasure/end-time", erasure.childText("end-time"), problems);
        OffsetDateTime started = ErasureReportParser.timestamp(line, "erasure/start-time",
                erasure.childText("start-time"), problems);
        OffsetDateTime finished = ErasureReportParser.timestamp(line, "erasure/end-time",
                erasure.childText("end-time"), problems);
        Boolean passed = result == null ? null : passed(line, result, problems);
        if (serial != null && serial.length() > 200) {
            problems.add(new Problem(line, "disk/serial", "max-length", "longer than 200 characters"));
        }
        if (problems.size() > before) {
            return null;
        }
        SanitizationMethodType methodType = methodType(standard);
        SanitizationTechnique technique = technique(method);
        String problem = methodType == null ? "the erasure standard '" + standard + "' names no NIST SP 800-88 method"
                + " (Clear, Purge or Destroy)" : null;
        return new ErasureRecord(line, serial, assetSerial, methodType, technique,
                truncate(standard + ": " + method, 500), tool, version, diskOperator, passed, started, finished,
                verification(erasure.childText("verification")), disk.childText("notes"), problem);
    }

    private static void require(int line, String field, String value, List<Problem> problems) {
        if (value == null) {
            problems.add(new Problem(line, field, "required", field + " is required"));
        }
    }

    private static Boolean passed(int line, String result, List<Problem> problems) {
        String r = result.toLowerCase(Locale.ROOT);
        if (r.equals("success") || r.equals("successful") || r.equals("passed") || r.equals("erased")) {
            return true;
        }
        if (r.equals("failed") || r.equals("failure") || r.equals("error") || r.equals("incomplete")
                || r.equals("aborted")) {
            return false;
        }
        problems.add(new Problem(line, "erasure/result", "invalid-value", "'" + result + "' is not a known result"
                + " (success, failed, error, incomplete, aborted)"));
        return null;
    }

    /** The NIST SP 800-88 method type a tool's standard names, or null if it names none. */
    static SanitizationMethodType methodType(String standard) {
        String s = standard.toLowerCase(Locale.ROOT);
        if (s.contains("purge")) {
            return SanitizationMethodType.PURGE;
        }
        if (s.contains("clear")) {
            return SanitizationMethodType.CLEAR;
        }
        if (s.contains("destroy") || s.contains("destruct")) {
            return SanitizationMethodType.DESTROY;
        }
        return null;
    }

    /** The technique a tool's method describes; OTHER when none is recognised. */
    static SanitizationTechnique technique(String method) {
        String m = method.toLowerCase(Locale.ROOT);
        if (m.contains("crypto")) {
            return SanitizationTechnique.CRYPTO_ERASE;
        }
        if (m.contains("block erase") || m.contains("block-erase")) {
            return SanitizationTechnique.BLOCK_ERASE;
        }
        if (m.contains("overwrite") || m.contains("pass") || m.contains("zero")) {
            return SanitizationTechnique.OVERWRITE;
        }
        if (m.contains("degauss")) {
            return SanitizationTechnique.DEGAUSS;
        }
        if (m.contains("shred")) {
            return SanitizationTechnique.SHRED;
        }
        if (m.contains("disintegrat")) {
            return SanitizationTechnique.DISINTEGRATE;
        }
        if (m.contains("pulveri")) {
            return SanitizationTechnique.PULVERIZE;
        }
        if (m.contains("incinerat")) {
            return SanitizationTechnique.INCINERATE;
        }
        return SanitizationTechnique.OTHER;
    }

    private static VerificationMethod verification(String verification) {
        if (verification == null) {
            return VerificationMethod.OTHER;
        }
        String v = verification.toLowerCase(Locale.ROOT);
        if (v.contains("full") || v.contains("100")) {
            return VerificationMethod.FULL;
        }
        if (v.contains("sampl") || v.contains("quick") || v.contains("partial")) {
            return VerificationMethod.QUICK_SAMPLING;
        }
        return VerificationMethod.OTHER;
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
