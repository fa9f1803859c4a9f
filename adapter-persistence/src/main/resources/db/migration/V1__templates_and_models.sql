-- Portable DDL: runs unchanged on SQLite and PostgreSQL, and is parsed by jOOQ's code generator.
-- Times are stored as microseconds since the epoch (BIGINT) so ordering and keyset paging behave the
-- same on every database; JSON-valued fields are stored as text documents.

CREATE TABLE model_template (
    id                               VARCHAR(64)  NOT NULL PRIMARY KEY,
    account_id                       VARCHAR(255) NOT NULL,
    name                             VARCHAR(255) NOT NULL,
    endpoint_type                    VARCHAR(32)  NOT NULL,
    model_type                       VARCHAR(32)  NOT NULL,
    endpoint_protocol                VARCHAR(32),
    vendor_configuration             TEXT         NOT NULL,
    model_creation_parameters_schema TEXT,
    model_request_parameters_schema  TEXT,
    created_at                       BIGINT       NOT NULL,
    created_by_user_id               VARCHAR(255) NOT NULL,
    created_by_identity_type         VARCHAR(32)  NOT NULL,
    CONSTRAINT uq_model_template_account_name UNIQUE (account_id, name)
);

CREATE INDEX ix_model_template_created ON model_template (created_at, id);
CREATE INDEX ix_model_template_account_created ON model_template (account_id, created_at, id);

CREATE TABLE model_instance (
    id                        VARCHAR(64)   NOT NULL PRIMARY KEY,
    account_id                VARCHAR(255)  NOT NULL,
    name                      VARCHAR(255)  NOT NULL,
    display_name              VARCHAR(255),
    description               VARCHAR(1000),
    model_vendor              VARCHAR(32),
    model_type                VARCHAR(32)   NOT NULL,
    base_model_id             VARCHAR(255),
    base_model_metadata       TEXT,
    model_creation_parameters TEXT,
    model_card                TEXT,
    training_data_card        TEXT,
    model_template_id         VARCHAR(64),
    model_group_id            VARCHAR(255),
    request_schema            TEXT          NOT NULL,
    response_schema           TEXT          NOT NULL,
    created_at                BIGINT        NOT NULL,
    created_by_user_id        VARCHAR(255)  NOT NULL,
    created_by_identity_type  VARCHAR(32)   NOT NULL,
    CONSTRAINT uq_model_instance_account_name UNIQUE (account_id, name),
    -- A template cannot be deleted while a model uses it: the database enforces it, race-free.
    CONSTRAINT fk_model_instance_template FOREIGN KEY (model_template_id) REFERENCES model_template (id)
);

CREATE INDEX ix_model_instance_created ON model_instance (created_at, id);
CREATE INDEX ix_model_instance_account_created ON model_instance (account_id, created_at, id);
CREATE INDEX ix_model_instance_type_created ON model_instance (model_type, created_at, id);
CREATE INDEX ix_model_instance_group_created ON model_instance (model_group_id, created_at, id);
CREATE INDEX ix_model_instance_template ON model_instance (model_template_id);
