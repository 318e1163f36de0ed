package com.itadcustody.console.admin;

import com.itadcustody.console.PageLinks;
import com.itadcustody.identity.Users;
import com.itadcustody.retirement.ConnectorSettings;
import com.itadcustody.retirement.DeprovisioningAttestation;
import com.itadcustody.retirement.SettingChange;
import com.itadcustody.shared.CurrentActor;
import com.itadcustody.shared.DomainRuleViolated;
import com.itadcustody.shared.NotFound;
import com.itadcustody.shared.PageResult;
import java.util.Locale;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * De-provisioning connector settings per system (MDM, directory, device certificates, remote accounts): where each
 * stands, changing one (endpoint, timeout, attempts, wait, or manual attestation), going back to configuration, and
 * who changed what when. Through the retirement module's {@link ConnectorSettings}; the next connector call uses a
 * change.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
@RequestMapping("/admin/connectors")
class ConnectorPages {

    static final int HISTORY_PAGE_SIZE = 20;

    private final ConnectorSettings settings;
    private final Users users;
    private final CurrentActor currentActor;

    ConnectorPages(ConnectorSettings settings, Users users, CurrentActor currentActor) {
        this.settings = settings;
        this.users = users;
        this.currentActor = currentActor;
    }

    @GetMapping
    String list(@RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("settings", settings.list());
        PageResult<SettingChange> history = settings.history(Forms.page(page), HISTORY_PAGE_SIZE);
        model.addAttribute("history", history.content());
        model.addAttribute("authors", Forms.authors(users, history.content()));
        model.addAttribute("pager", PageLinks.of(history));
        return "console/admin/connectors";
    }

    @GetMapping("/{system}")
    String connector(@PathVariable String system, Model model) {
        ConnectorSettings.Setting setting = settings.of(system(system));
        return editPage(setting, ConnectorForm.of(setting), model);
    }

    @PostMapping("/{system}")
    String change(@PathVariable String system, @ModelAttribute("form") ConnectorForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        DeprovisioningAttestation.System which = system(system);
        ConnectorSettings.Change change = form.change(errors);
        if (change != null) {
            try {
                settings.change(which, change, currentActor.get());
                redirect.addFlashAttribute("notice", "The " + which + " connector setting is saved; the next"
                        + " connector call uses it.");
                return "redirect:/admin/connectors";
            } catch (DomainRuleViolated refused) {
                Forms.reject(errors, refused, ConnectorForm.FIELDS);
            }
        }
        return editPage(settings.of(which), form, model);
    }

    @PostMapping("/{system}/reset")
    String reset(@PathVariable String system, RedirectAttributes redirect) {
        DeprovisioningAttestation.System which = system(system);
        settings.reset(which, currentActor.get());
        redirect.addFlashAttribute("notice", "The " + which + " connector follows the configuration again.");
        return "redirect:/admin/connectors";
    }

    private String editPage(ConnectorSettings.Setting setting, ConnectorForm form, Model model) {
        model.addAttribute("setting", setting);
        model.addAttribute("form", form);
        return "console/admin/connector";
    }

    private static DeprovisioningAttestation.System system(String text) {
        try {
            return DeprovisioningAttestation.System.valueOf(text.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new NotFound("system", text);
        }
    }
}
