--liquibase formatted sql

--changeset itad:retirement-007-verification-sample-shards
-- The verification sample's counts on 8 shards instead of one row (RetirementRequests.drawSample): a transaction
-- recording sanitizations holds the row it counts on until it commits, and erasure reports record them on several
-- threads side by side. Each shard keeps sampled >= ceil(rate * logical) on its own, so the sums keep the guarantee
-- for all media. The counts so far stay on row 1, the first shard.
alter table verification_sample_counter drop constraint verification_sample_counter_id_check;
alter table verification_sample_counter add constraint verification_sample_counter_shard check (id between 1 and 8);
insert into verification_sample_counter (id, logical, sampled)
select shard, 0, 0 from generate_series(2, 8) as shard;
