package com.itadcustody.shared;

/** Gives the actor of the current request or job; implemented by the identity module. */
public interface CurrentActor {

    /** The authenticated actor, or {@link Actor#system()} outside a request. */
    Actor get();
}
