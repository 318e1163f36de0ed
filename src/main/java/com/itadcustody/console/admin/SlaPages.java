package com.itadcustody.console.admin;

import com.itadcustody.console.PageLinks;
import com.itadcustody.identity.Users;
import com.itadcustody.retirement.SettingChange;
import com.itadcustody.retirement.SlaSettings;
import com.itadcustody.shared.CurrentActor;
import com.itadcustody.shared.InputRejected;
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
 * SLA durations of the workflow's steps (approval, pickup, receipt, vendor processing): the values that apply, where
 * they come from, changing them (all or none), going back to configuration, and who changed what when. Through the
 * retirement module's {@link SlaSettings}; a change applies to steps started after it.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
@RequestMapping("/admin/sla")
class SlaPages {

    static final int HISTORY_PAGE_SIZE = 20;

    private final SlaSettings settings;
    private final Users users;
    private final CurrentActor currentActor;

    SlaPages(SlaSettings settings, Users users, CurrentActor currentActor) {
        this.settings = settings;
        this.users = users;
        this.currentActor = currentActor;
    }

    @GetMapping
    String page(@RequestParam(required = false) Integer page, Model model) {
        return slaPage(SlaForm.of(settings.list()), Forms.page(page), model);
    }

    @PostMapping
    String change(@ModelAttribute("form") SlaForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        try {
            settings.changeAll(form.values(), currentActor.get());
        } catch (InputRejected refused) {
            refused.problems().forEach(p -> errors.rejectValue(p.field(), p.rule(), p.message()));
            errors.reject(refused.type(), refused.getMessage());
            return slaPage(form, 0, model);
        }
        redirect.addFlashAttribute("notice", "SLAs saved; they apply to steps that start from now on.");
        return "redirect:/admin/sla";
    }

    @PostMapping("/{step}/reset")
    String reset(@PathVariable String step, RedirectAttributes redirect) {
        SlaSettings.Step which;
        try {
            which = SlaSettings.Step.valueOf(step.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new NotFound("SLA", step);
        }
        settings.reset(which, currentActor.get());
        redirect.addFlashAttribute("notice", "The " + which + " SLA follows the configuration again.");
        return "redirect:/admin/sla";
    }

    private String slaPage(SlaForm form, int page, Model model) {
        model.addAttribute("slas", settings.list());
        model.addAttribute("form", form);
        model.addAttribute("max", SlaSettings.MAX);
        PageResult<SettingChange> history = settings.history(page, HISTORY_PAGE_SIZE);
        model.addAttribute("history", history.content());
        model.addAttribute("authors", Forms.authors(users, history.content()));
        model.addAttribute("pager", PageLinks.of(history));
        return "console/admin/sla";
    }
}
