package com.itadcustody.retirement.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * {@code ${deliverWaitingMessages}}: on a message wait state's start, delivers the messages the inbox kept for this
 * instance once the transaction that reached the wait state has committed (the subscription exists by then).
 */
@Component("deliverWaitingMessages")
class DeliverWaitingMessagesListener implements ExecutionListener {

    private final ProcessMessages messages;

    DeliverWaitingMessagesListener(ProcessMessages messages) {
        this.messages = messages;
    }

    @Override
    public void notify(DelegateExecution execution) {
        String businessKey = execution.getProcessBusinessKey();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    messages.deliverPendingFor(businessKey);
                }
            });
        }
    }
}
