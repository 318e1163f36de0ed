package com.itadcustody.retirement.process;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.itadcustody.retirement.Escalations;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;

/** The delegate kept for instances of the earlier model escalates their approval as the current model does. */
class EscalateApprovalDelegateTests {

    @Test
    void anInstanceOfTheEarlierModelEscalatesItsApprovalWithTheSlaItWasStartedWith() {
        Escalations escalations = mock(Escalations.class);
        DelegateExecution execution = mock(DelegateExecution.class);
        UUID retirement = UUID.randomUUID();
        when(execution.getProcessBusinessKey()).thenReturn(retirement.toString());
        when(execution.getVariable("slaApproval")).thenReturn("PT72H");

        new EscalateApprovalDelegate(escalations).execute(execution);

        verify(escalations).escalateRetirement(retirement, "Task_ApproveRetirement", "PT72H");
    }
}
