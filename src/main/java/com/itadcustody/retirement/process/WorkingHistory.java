package com.itadcustody.retirement.process;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.HistoryLevelFull;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.springframework.stereotype.Component;

/**
 * The engine's history level {@value #NAME} ({@code camunda.bpm.history-level}): everything Camunda's {@code full}
 * level records except the routine job log (a job created, a job that succeeded or was deleted) and the per-change
 * variable details. Paths taken, tasks, variables' last values, identity links, incidents, failed jobs and the
 * user operation log stay. The engine's history is a working aid; the permanent record is the domain tables and
 * the custody log (ADR 9, ADR 21).
 */
@Component
class WorkingHistory extends AbstractProcessEnginePlugin {

    /** The level's name, as {@code camunda.bpm.history-level} names it. */
    static final String NAME = "working";

    /** The level's id in {@code ACT_GE_PROPERTY.historyLevel}; Camunda's own levels are 0 to 3. */
    static final int ID = 21;

    /** What {@code full} records and this level does not: one to three rows per job and per variable change. */
    static final Set<HistoryEventType> LEFT_OUT = Set.of(HistoryEventTypes.JOB_CREATE, HistoryEventTypes.JOB_SUCCESS,
            HistoryEventTypes.JOB_DELETE, HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL);

    /** The level itself: {@code full} less {@link #LEFT_OUT}. */
    static final HistoryLevel LEVEL = new HistoryLevelFull() {
        @Override
        public int getId() {
            return ID;
        }

        @Override
        public String getName() {
            return NAME;
        }

        @Override
        public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
            return !LEFT_OUT.contains(eventType);
        }
    };

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<HistoryLevel> levels = configuration.getCustomHistoryLevels() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomHistoryLevels());
        levels.add(LEVEL);
        configuration.setCustomHistoryLevels(levels);
    }
}
