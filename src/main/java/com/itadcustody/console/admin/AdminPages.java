package com.itadcustody.console.admin;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The administration landing page: links to users, vendors, connectors, signing keys and SLAs. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class AdminPages {

    @GetMapping("/admin")
    String index() {
        return "console/admin/index";
    }
}
