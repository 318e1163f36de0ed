package com.itadcustody.identity.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page; the home page at {@code /} is the staff console's dashboard (vendors go to the portal). */
@Controller
class HomeController {

    @GetMapping("/login")
    String login() {
        return "login";
    }
}
