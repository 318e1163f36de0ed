package com.itadcustody.identity.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Loads users for form login and HTTP Basic from {@code app_user}; a disabled user is refused by Spring. */
@Service
class AppUserDetailsService implements UserDetailsService {

    private final JdbcClient jdbc;

    AppUserDetailsService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return jdbc.sql("select " + UserRows.COLUMNS + " from app_user where username = ?")
                .param(username)
                .query(UserRows::signedIn)
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }
}
