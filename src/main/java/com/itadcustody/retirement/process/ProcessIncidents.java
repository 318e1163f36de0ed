package com.itadcustody.retirement.process;

import com.itadcustody.retirement.RetirementIncident;
import com.itadcustody.retirement.internal.MessageInbox;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * The door to the engine for incidents of the retirement and lot processes: steps the engine gave up on after their
 * retries (a failed job), listed for IT staff with the messages the inbox could not deliver, and a failed step run
 * again.
 */
@Component
public class ProcessIncidents {

    /** The step that calls the de-provisioning connectors. */
    public static final String RUN_DEPROVISIONING_CONNECTORS = "Task_RunDeprovisioningConnectors";

    private final RuntimeService runtime;
    private final ManagementService management;

    private final MessageInbox inbox;

    ProcessIncidents(RuntimeService runtime, ManagementService management, MessageInbox inbox) {
        this.runtime = runtime;
        this.management = management;
        this.inbox = inbox;
    }

    /**
     * Open incidents of retirement and lot processes, and messages the inbox gave up on (activity
     * {@code message:<name>}, id {@code inbox:<id>}), newest first.
     */
    public List<RetirementIncident> open(int max) {
        List<RetirementIncident> open = new ArrayList<>(undeliveredMessages(max));
        List<Incident> incidents = runtime.createIncidentQuery()
                .processDefinitionKeyIn(RetirementProcess.PROCESS_KEY, LotProcess.PROCESS_KEY)
                .orderByIncidentTimestamp().desc().listPage(0, max);
        if (!incidents.isEmpty()) {
            Set<String> ids = incidents.stream().map(Incident::getProcessInstanceId).collect(Collectors.toSet());
            Map<String, ProcessInstance> instances = runtime.createProcessInstanceQuery().processInstanceIds(ids)
                    .list().stream().collect(Collectors.toMap(ProcessInstance::getId, Function.identity()));
            incidents.stream().filter(i -> instances.containsKey(i.getProcessInstanceId()))
                    .map(i -> view(i, instances.get(i.getProcessInstanceId()))).forEach(open::add);
        }
        return open.stream().sorted(Comparator.comparing(RetirementIncident::occurredAt).reversed()).limit(max)
                .toList();
    }

    /** Messages for retirements that expired in the inbox: their instance ended or never reached the wait state. */
    private List<RetirementIncident> undeliveredMessages(int max) {
        return inbox.expired(max).stream().map(m -> new RetirementIncident("inbox:" + m.id(),
                RetirementProcess.PROCESS_KEY, UUID.fromString(m.businessKey()), null, "message:" + m.name(),
                m.lastError(), m.expiredAt())).toList();
    }

    /** The open incident of a retirement's process, if it has one (the oldest). */
    public Optional<RetirementIncident> ofRetirement(UUID retirementId) {
        return instance(retirementId).flatMap(instance -> runtime.createIncidentQuery()
                .processInstanceId(instance.getId()).orderByIncidentTimestamp().asc().list().stream().findFirst()
                .map(i -> view(i, instance)));
    }

    /**
     * Runs a retirement's failed step again now: the job at {@code activityId} that failed (with or without an
     * incident) gets one more retry, due at once; its incident is resolved. False if no such job failed.
     */
    public boolean retryFailedStep(UUID retirementId, String activityId) {
        Optional<ProcessInstance> instance = instance(retirementId);
        if (instance.isEmpty()) {
            return false;
        }
        List<String> failed = management.createJobQuery().processInstanceId(instance.get().getId())
                .activityId(activityId).withException().list().stream().map(Job::getId).toList();
        if (failed.isEmpty()) {
            return false;
        }
        management.setJobRetries(1).jobIds(failed).dueDate(new Date()).execute();
        return true;
    }

    private Optional<ProcessInstance> instance(UUID retirementId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(RetirementProcess.PROCESS_KEY)
                .processInstanceBusinessKey(retirementId.toString()).list().stream().findFirst();
    }

    private static RetirementIncident view(Incident incident, ProcessInstance instance) {
        boolean lot = instance.getProcessDefinitionId().startsWith(LotProcess.PROCESS_KEY + ":");
        UUID key = UUID.fromString(instance.getBusinessKey());
        return new RetirementIncident(incident.getId(), lot ? LotProcess.PROCESS_KEY : RetirementProcess.PROCESS_KEY,
                lot ? null : key, lot ? key : null, incident.getActivityId(), incident.getIncidentMessage(),
                incident.getIncidentTimestamp().toInstant());
    }
}
