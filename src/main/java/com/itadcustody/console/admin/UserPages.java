package com.itadcustody.console.admin;

import com.itadcustody.console.PageLinks;
import com.itadcustody.identity.NewUser;
import com.itadcustody.identity.User;
import com.itadcustody.identity.UserChange;
import com.itadcustody.identity.Users;
import com.itadcustody.shared.CurrentActor;
import com.itadcustody.shared.DomainRuleViolated;
import com.itadcustody.shared.NotFound;
import com.itadcustody.shared.PageResult;
import com.itadcustody.shared.Role;
import com.itadcustody.vendor.Vendor;
import com.itadcustody.vendor.Vendors;
import jakarta.validation.groups.Default;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Users and roles: a searchable, paginated list; creating a user; changing a user's name, email, roles, vendor;
 * disabling and enabling; setting a new password. All through the identity module's {@link Users}, with the REST
 * API's rules; the module records who changed each account.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
@RequestMapping("/admin/users")
class UserPages {

    static final int PAGE_SIZE = 25;

    private final Users users;
    private final Vendors vendors;
    private final CurrentActor currentActor;

    UserPages(Users users, Vendors vendors, CurrentActor currentActor) {
        this.users = users;
        this.vendors = vendors;
        this.currentActor = currentActor;
    }

    @GetMapping
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
            Model model) {
        PageResult<User> result = users.search(q, Forms.page(page), PAGE_SIZE);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("users", result.content());
        model.addAttribute("pager", PageLinks.of(result));
        model.addAttribute("vendorNames", vendorNames());
        return "console/admin/users";
    }

    @GetMapping("/new")
    String newUser(Model model) {
        UserForm form = new UserForm();
        form.setRoles(java.util.EnumSet.of(Role.IT_STAFF));
        return createPage(form, model);
    }

    @PostMapping
    String create(@Validated({UserForm.Create.class, Default.class}) @ModelAttribute("form") UserForm form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return createPage(form, model);
        }
        User created;
        try {
            created = users.register(new NewUser(form.getUsername(), form.getDisplayName(), form.getEmail(),
                    form.getPassword(), form.getRoles(), form.getVendorId()), currentActor.get());
        } catch (DomainRuleViolated refused) {
            Forms.reject(errors, refused, UserForm.FIELDS);
            return createPage(form, model);
        }
        redirect.addFlashAttribute("notice", "User " + created.username() + " created.");
        return "redirect:/admin/users/" + created.id();
    }

    @GetMapping("/{id}")
    String user(@PathVariable UUID id, Model model) {
        User user = find(id);
        return editPage(user, UserForm.of(user), model);
    }

    @PostMapping("/{id}")
    String change(@PathVariable UUID id, @Validated @ModelAttribute("form") UserForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        User user = find(id);
        form.setEnabled(user.enabled());
        if (errors.hasErrors()) {
            return editPage(user, form, model);
        }
        try {
            users.change(id, new UserChange(form.getDisplayName(), form.getEmail(), form.getRoles(),
                    form.getVendorId(), user.enabled()), currentActor.get());
        } catch (DomainRuleViolated refused) {
            Forms.reject(errors, refused, UserForm.FIELDS);
            return editPage(user, form, model);
        }
        redirect.addFlashAttribute("notice", "Changes to " + user.username() + " saved.");
        return "redirect:/admin/users/" + id;
    }

    @PostMapping("/{id}/enabled")
    String enable(@PathVariable UUID id, @RequestParam boolean enabled, Model model, RedirectAttributes redirect) {
        User user = find(id);
        try {
            users.change(id, new UserChange(user.displayName(), user.email(), user.roles(), user.vendorId(), enabled),
                    currentActor.get());
        } catch (DomainRuleViolated refused) {
            model.addAttribute("enabledError", refused.getMessage());
            return editPage(user, UserForm.of(user), model);
        }
        redirect.addFlashAttribute("notice", user.username() + (enabled ? " can sign in again." : " is disabled."));
        return "redirect:/admin/users/" + id;
    }

    @PostMapping("/{id}/password")
    String password(@PathVariable UUID id, @RequestParam(defaultValue = "") String password, Model model,
            RedirectAttributes redirect) {
        User user = find(id);
        try {
            users.changePassword(id, password, currentActor.get());
        } catch (DomainRuleViolated refused) {
            model.addAttribute("passwordError", refused.getMessage());
            return editPage(user, UserForm.of(user), model);
        }
        redirect.addFlashAttribute("notice", "New password of " + user.username()
                + " set; tell them through a separate channel.");
        return "redirect:/admin/users/" + id;
    }

    private String createPage(UserForm form, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("roles", Role.values());
        model.addAttribute("vendors", vendors.list());
        return "console/admin/user-new";
    }

    private String editPage(User user, UserForm form, Model model) {
        model.addAttribute("user", user);
        model.addAttribute("form", form);
        model.addAttribute("roles", Role.values());
        model.addAttribute("vendors", vendors.list());
        model.addAttribute("self", user.id().equals(currentActor.get().userId()));
        return "console/admin/user";
    }

    private User find(UUID id) {
        return users.find(id).orElseThrow(() -> new NotFound("user", id));
    }

    private Map<UUID, String> vendorNames() {
        return vendors.list().stream().collect(Collectors.toMap(Vendor::id, Vendor::name, (a, b) -> a));
    }
}
