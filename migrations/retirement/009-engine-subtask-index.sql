--liquibase formatted sql

--changeset itad:retirement-009-engine-subtask-index
-- The process engine looks up a task's subtasks (select * from ACT_RU_TASK where PARENT_TASK_ID_ = ?) whenever it
-- completes a task, and its own schema has no index for that: every completion read the whole task table. With
-- 30,000 open tasks (vendors' erasure reports for a data-centre decommission) that was 30,000 rows read per step.
-- Named apart from the engine's own indexes (ACT_IDX_*) so that an engine upgrade never collides with it.
create index itad_act_ru_task_parent on act_ru_task (parent_task_id_);
