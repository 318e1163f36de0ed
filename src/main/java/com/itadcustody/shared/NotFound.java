package com.itadcustody.shared;

/** The record does not exist, or the caller may not know that it exists (answered 404 either way). */
public class NotFound extends RuntimeException {

    public NotFound(String what, Object id) {
        super(what + " " + id + " not found");
    }
}
