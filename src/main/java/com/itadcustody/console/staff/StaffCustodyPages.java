package com.itadcustody.console.staff;

import com.itadcustody.custody.CustodyEntries;
import com.itadcustody.identity.User;
import com.itadcustody.identity.Users;
import com.itadcustody.shared.DomainRuleViolated;
import com.itadcustody.shared.NotFound;
import com.itadcustody.vendor.Vendor;
import com.itadcustody.vendor.Vendors;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A custody log entry: its envelope as hashed, its hashes, the signed checkpoint that covers it, and its inclusion
 * proof as a C2SP {@code tlog-proof@v1} download (the same proof the REST API serves).
 */
@Controller
@PreAuthorize(StaffAccess.STAFF)
class StaffCustodyPages {

    static final MediaType TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8);

    private final CustodyEntries entries;
    private final Users users;
    private final Vendors vendors;

    StaffCustodyPages(CustodyEntries entries, Users users, Vendors vendors) {
        this.entries = entries;
        this.users = users;
        this.vendors = vendors;
    }

    @GetMapping("/custody/entries/{seq}")
    String entry(@PathVariable long seq, Model model) {
        CustodyEntries.Entry entry = entries.entry(seq).orElseThrow(() -> new NotFound("log entry", seq));
        Map<java.util.UUID, String> names = new HashMap<>();
        if (entry.actorId() != null) {
            users.find(entry.actorId()).map(User::displayName).ifPresent(n -> names.put(entry.actorId(), n));
        }
        if (entry.actorOrg() != null) {
            vendors.find(entry.actorOrg()).map(Vendor::name).ifPresent(n -> names.put(entry.actorOrg(), n));
        }
        model.addAttribute("entry", entry);
        model.addAttribute("actor", StaffAssetPages.actorName(entry, names));
        try {
            model.addAttribute("proof", entries.proof(seq));
        } catch (DomainRuleViolated notYet) {
            model.addAttribute("proofPending", notYet.getMessage());
        }
        return "console/staff/custody-entry";
    }

    @GetMapping("/custody/entries/{seq}/proof")
    ResponseEntity<String> proof(@PathVariable long seq) {
        if (seq < 0) {
            throw new NotFound("log entry", seq);
        }
        CustodyEntries.Proof proof = entries.proof(seq);
        return ResponseEntity.ok().contentType(TEXT)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"custody-entry-" + seq
                        + ".tlog-proof\"")
                .body(proof.tlogProof());
    }
}
