-- Which registry node imports an IMPORTING version, and until when (microseconds since the epoch):
-- a node claims a version, renews the claim while it copies, and another node may take over a
-- claim that ran out. No claim: nobody imports it (yet).
ALTER TABLE registered_models ADD COLUMN lease_owner VARCHAR(64);
ALTER TABLE registered_models ADD COLUMN lease_expires_at BIGINT;
