-- A member's lists show its accounts' templates and models and those it created elsewhere
-- (account_id IN (...) OR created_by_user_id = ?): without these indexes the second half reads
-- the whole table (the list benchmark: a member's count over a million models, 635 ms to 2 ms on
-- SQLite, 447 ms to 15 ms on PostgreSQL).
CREATE INDEX ix_model_instance_creator_created ON model_instance (created_by_user_id, created_at, id);
CREATE INDEX ix_model_template_creator_created ON model_template (created_by_user_id, created_at, id);
