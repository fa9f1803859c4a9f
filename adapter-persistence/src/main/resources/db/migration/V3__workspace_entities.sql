-- Workspace model entities with their adapters, and filesets (issue 4). Portable DDL, like V1 and
-- V2: BIGINT microseconds since the epoch for times, JSON documents as text, enums by wire value.
-- Fields that lists filter on have columns of their own; the rest of a definition is a document.

CREATE TABLE model_entities (
    workspace       VARCHAR(255)  NOT NULL,
    name            VARCHAR(255)  NOT NULL,
    description     VARCHAR(1000),
    project         VARCHAR(255),
    -- References are stored as written, {workspace}/{name}.
    base_model      VARCHAR(511),
    finetuning_type VARCHAR(32),
    fileset         VARCHAR(511),
    -- Backend format, model providers, API endpoint (its key included: stored, never shown), spec
    -- and the trust_remote_code flag.
    definition      TEXT          NOT NULL,
    created_at      BIGINT        NOT NULL,
    updated_at      BIGINT        NOT NULL,
    CONSTRAINT pk_model_entities PRIMARY KEY (workspace, name)
);

-- Lists are per workspace, sorted by name (the primary key), creation or update time; ties by name.
CREATE INDEX ix_model_entities_created ON model_entities (workspace, created_at, name);
CREATE INDEX ix_model_entities_updated ON model_entities (workspace, updated_at, name);
CREATE INDEX ix_model_entities_fileset ON model_entities (fileset);

CREATE TABLE model_entity_adapters (
    workspace       VARCHAR(255)  NOT NULL,
    model_name      VARCHAR(255)  NOT NULL,
    -- The adapter's place in its model's list (0-based): adapters are read back in this order.
    position        INTEGER       NOT NULL,
    name            VARCHAR(255)  NOT NULL,
    description     VARCHAR(1000),
    fileset         VARCHAR(511)  NOT NULL,
    finetuning_type VARCHAR(32)   NOT NULL,
    enabled         BOOLEAN       NOT NULL,
    lora_rank       INTEGER,
    lora_alpha      INTEGER,
    created_at      BIGINT        NOT NULL,
    updated_at      BIGINT        NOT NULL,
    CONSTRAINT pk_model_entity_adapters PRIMARY KEY (workspace, model_name, position),
    CONSTRAINT uq_model_entity_adapters_name UNIQUE (workspace, model_name, name),
    CONSTRAINT fk_model_entity_adapters_model FOREIGN KEY (workspace, model_name)
        REFERENCES model_entities (workspace, name) ON DELETE CASCADE
);

CREATE INDEX ix_model_entity_adapters_fileset ON model_entity_adapters (fileset);

CREATE TABLE filesets (
    workspace     VARCHAR(255)  NOT NULL,
    name          VARCHAR(255)  NOT NULL,
    description   VARCHAR(255),
    project       VARCHAR(255),
    purpose       VARCHAR(16)   NOT NULL,
    storage_type  VARCHAR(16)   NOT NULL,
    -- The storage's settings; credentials are names of stored secrets, never their values.
    storage       TEXT          NOT NULL,
    metadata      TEXT          NOT NULL,
    custom_fields TEXT          NOT NULL,
    created_at    BIGINT        NOT NULL,
    updated_at    BIGINT        NOT NULL,
    CONSTRAINT pk_filesets PRIMARY KEY (workspace, name)
);

CREATE INDEX ix_filesets_created ON filesets (workspace, created_at, name);
