package com.itadcustody.identity.web;

import com.itadcustody.identity.Users;
import com.itadcustody.shared.Actor;
import com.itadcustody.shared.CurrentActor;
import com.itadcustody.shared.Role;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page and a small home page saying who is signed in and where to go. */
@Controller
class HomeController {

    private final CurrentActor currentActor;
    private final Users users;

    HomeController(CurrentActor currentActor, Users users) {
        this.currentActor = currentActor;
        this.users = users;
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/")
    String home(Model model) {
        Actor actor = currentActor.get();
        String displayName = actor.userId() == null ? actor.username()
                : users.find(actor.userId()).map(user -> user.displayName()).orElse(actor.username());
        model.addAttribute("username", actor.username());
        model.addAttribute("displayName", displayName);
        model.addAttribute("roles", actor.roles().stream().sorted().map(Role::name).toList());
        model.addAttribute("admin", actor.has(Role.ADMIN));
        return "index";
    }
}
