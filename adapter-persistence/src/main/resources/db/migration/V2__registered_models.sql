-- Registered model versions and the import state of each of their files. Portable DDL, like V1:
-- BIGINT microseconds since the epoch for times, JSON documents as text, enums by name.

CREATE TABLE registered_models (
    id          VARCHAR(64)   NOT NULL PRIMARY KEY,
    owner_id    VARCHAR(255)  NOT NULL,
    name        VARCHAR(255)  NOT NULL,
    version     VARCHAR(255)  NOT NULL,
    visibility  VARCHAR(16)   NOT NULL,
    type        VARCHAR(16)   NOT NULL,
    description VARCHAR(1000) NOT NULL,
    -- Null for versions registered through the older route, which carries no metainfo.
    metainfo    TEXT,
    -- The stored form of the configuration, docker registry password included.
    config      TEXT          NOT NULL,
    state       VARCHAR(16)   NOT NULL,
    created_at  BIGINT        NOT NULL,
    updated_at  BIGINT        NOT NULL,
    CONSTRAINT uq_registered_models_owner_name_version UNIQUE (owner_id, name, version)
);

-- Lists are newest first, (created_at DESC, id DESC), unfiltered or by name, owner or state.
CREATE INDEX ix_registered_models_created ON registered_models (created_at DESC, id DESC);
CREATE INDEX ix_registered_models_name_created ON registered_models (name, created_at DESC, id DESC);
CREATE INDEX ix_registered_models_owner_created ON registered_models (owner_id, created_at DESC, id DESC);
CREATE INDEX ix_registered_models_state_created ON registered_models (state, created_at, id);

CREATE TABLE registered_model_files (
    model_id       VARCHAR(64)   NOT NULL,
    -- The file's place in the registration (0-based): files are read back in this order.
    position       INTEGER       NOT NULL,
    target         VARCHAR(1024) NOT NULL,
    -- Signed URLs are secrets: stored for the importer, never shown.
    source_url     VARCHAR(8192) NOT NULL,
    state          VARCHAR(16)   NOT NULL,
    expected_bytes BIGINT,
    bytes_copied   BIGINT        NOT NULL,
    size           BIGINT,
    sha256         VARCHAR(64),
    failure_reason VARCHAR(1000),
    CONSTRAINT pk_registered_model_files PRIMARY KEY (model_id, position),
    CONSTRAINT uq_registered_model_files_target UNIQUE (model_id, target),
    CONSTRAINT fk_registered_model_files_model FOREIGN KEY (model_id)
        REFERENCES registered_models (id) ON DELETE CASCADE
);
