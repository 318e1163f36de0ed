package com.itadcustody.console;

import com.itadcustody.shared.Actor;
import com.itadcustody.shared.CurrentActor;
import com.itadcustody.shared.Role;
import java.util.Set;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the signed-in user and what the navigation may show into every console page's model. */
@ControllerAdvice(basePackages = "com.itadcustody.console")
class ConsoleModel {

    private final CurrentActor currentActor;

    ConsoleModel(CurrentActor currentActor) {
        this.currentActor = currentActor;
    }

    @ModelAttribute("consoleUser")
    String user() {
        return currentActor.get().username();
    }

    @ModelAttribute("nav")
    Navigation navigation() {
        return Navigation.of(currentActor.get());
    }

    /**
     * Which sections of the navigation the user's roles open; the pages check their roles themselves.
     *
     * @param staff the everyday staff pages (dashboard, assets, lots, certificates)
     * @param tasks the task inbox
     * @param exceptions the erasure-report exceptions queue
     * @param compliance the compliance pages
     * @param admin the administration pages
     */
    record Navigation(boolean staff, boolean tasks, boolean exceptions, boolean compliance, boolean admin) {

        static Navigation of(Actor actor) {
            boolean staff = actor.has(Role.IT_STAFF) || actor.has(Role.ASSET_MANAGER) || actor.has(Role.VERIFIER)
                    || actor.has(Role.COMPLIANCE) || actor.has(Role.ADMIN);
            boolean tasks = actor.has(Role.IT_STAFF) || actor.has(Role.ASSET_MANAGER) || actor.has(Role.VERIFIER);
            return new Navigation(staff, tasks, actor.has(Role.IT_STAFF) || actor.has(Role.ADMIN),
                    actor.has(Role.COMPLIANCE) || actor.has(Role.ADMIN), actor.has(Role.ADMIN));
        }

        /** The roles that may open the everyday staff pages. */
        static final Set<Role> STAFF = Set.of(Role.IT_STAFF, Role.ASSET_MANAGER, Role.VERIFIER, Role.COMPLIANCE,
                Role.ADMIN);
    }
}
