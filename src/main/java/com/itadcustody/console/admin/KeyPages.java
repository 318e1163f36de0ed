package com.itadcustody.console.admin;

import com.itadcustody.certificate.CertificateKeys;
import com.itadcustody.custody.LogKeys;
import com.itadcustody.identity.Users;
import com.itadcustody.shared.CurrentActor;
import com.itadcustody.shared.NotFound;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Signing keys: the custody log's checkpoint keys and the certificates' document-signing keys with their status,
 * and their rotation (a confirmation page, then a POST); old keys stay registered so what they signed still
 * verifies, and every rotation is recorded with who did it. Through the custody and certificate modules' APIs.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
@RequestMapping("/admin/keys")
class KeyPages {

    static final int ROTATIONS_SHOWN = 20;

    private final LogKeys logKeys;
    private final CertificateKeys certificateKeys;
    private final Users users;
    private final CurrentActor currentActor;

    KeyPages(LogKeys logKeys, CertificateKeys certificateKeys, Users users, CurrentActor currentActor) {
        this.logKeys = logKeys;
        this.certificateKeys = certificateKeys;
        this.users = users;
        this.currentActor = currentActor;
    }

    @GetMapping
    String keys(Model model) {
        var logRotations = logKeys.rotations(ROTATIONS_SHOWN);
        var certificateRotations = certificateKeys.rotations(ROTATIONS_SHOWN);
        Set<UUID> authors = new HashSet<>();
        logRotations.forEach(r -> authors.add(r.rotatedBy()));
        certificateRotations.forEach(r -> authors.add(r.rotatedBy()));
        authors.remove(null);
        Map<UUID, String> names = new HashMap<>();
        users.findAll(authors).forEach(u -> names.put(u.id(), u.username()));
        model.addAttribute("logKeys", logKeys.list());
        model.addAttribute("logRotatable", logKeys.rotatable());
        model.addAttribute("logRotations", logRotations);
        model.addAttribute("certificateKeys", certificateKeys.list());
        model.addAttribute("certificateRotatable", certificateKeys.rotatable());
        model.addAttribute("certificateRotations", certificateRotations);
        model.addAttribute("authors", names);
        return "console/admin/keys";
    }

    @GetMapping("/{kind}/rotation")
    String confirm(@PathVariable String kind, Model model) {
        model.addAttribute("kind", kind(kind));
        return "console/admin/key-rotation";
    }

    @PostMapping("/{kind}/rotation")
    String rotate(@PathVariable String kind, @RequestParam(defaultValue = "false") boolean confirm, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        String which = kind(kind);
        if (!confirm) {
            response.setStatus(422);
            model.addAttribute("kind", which);
            model.addAttribute("confirmError", "Tick the box to confirm the rotation.");
            return "console/admin/key-rotation";
        }
        if (which.equals("log")) {
            LogKeys.LogKey key = logKeys.rotate(currentActor.get());
            redirect.addFlashAttribute("notice", "The custody log's signing key was rotated; new checkpoints are"
                    + " signed with key " + key.keyId() + ".");
        } else {
            CertificateKeys.SigningCertificate key = certificateKeys.rotate(currentActor.get());
            redirect.addFlashAttribute("notice", "The certificate signing key was rotated; new certificates are"
                    + " signed with " + key.keyId().substring(0, 16) + "…. Give verifiers the new CA certificate.");
        }
        return "redirect:/admin/keys";
    }

    private static String kind(String kind) {
        if (!kind.equals("log") && !kind.equals("certificate")) {
            throw new NotFound("key kind", kind);
        }
        return kind;
    }
}
