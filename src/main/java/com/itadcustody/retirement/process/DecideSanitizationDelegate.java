package com.itadcustody.retirement.process;

import com.itadcustody.retirement.Retirements;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ${decideSanitization}}: decides the method for every medium of the asset (idempotent) and hands the media
 * ids to the per-medium sub-process ({@code mediumIds}).
 */
@Component("decideSanitization")
class DecideSanitizationDelegate implements JavaDelegate {

    private final Retirements retirements;

    DecideSanitizationDelegate(Retirements retirements) {
        this.retirements = retirements;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var plan = retirements.decideSanitization(UUID.fromString(execution.getProcessBusinessKey()));
        execution.setVariable("mediumIds", new java.util.ArrayList<>(plan.stream()
                .map(item -> item.mediumId().toString()).toList()));
    }
}
