-- Who may call the registry, their API keys (hashes only) and the audit log of mutations.

CREATE TABLE identities (
    id            VARCHAR(255)  NOT NULL,
    display_name  VARCHAR(255)  NOT NULL,
    identity_type VARCHAR(32)   NOT NULL,
    is_admin      BOOLEAN       NOT NULL,
    created_at    BIGINT        NOT NULL,
    CONSTRAINT pk_identities PRIMARY KEY (id)
);

-- One row per membership; kind is 'account' or 'workspace'.
CREATE TABLE identity_memberships (
    identity_id VARCHAR(255) NOT NULL,
    kind        VARCHAR(16)  NOT NULL,
    name        VARCHAR(255) NOT NULL,
    CONSTRAINT pk_identity_memberships PRIMARY KEY (identity_id, kind, name),
    CONSTRAINT fk_identity_memberships_identity FOREIGN KEY (identity_id)
        REFERENCES identities (id) ON DELETE CASCADE
);

-- The key itself is never stored: its public prefix finds the row, its SHA-256 proves it.
CREATE TABLE api_keys (
    prefix      VARCHAR(16)   NOT NULL,
    identity_id VARCHAR(255)  NOT NULL,
    key_hash    CHAR(64)      NOT NULL,
    name        VARCHAR(255),
    created_at  BIGINT        NOT NULL,
    expires_at  BIGINT,
    revoked_at  BIGINT,
    CONSTRAINT pk_api_keys PRIMARY KEY (prefix),
    CONSTRAINT fk_api_keys_identity FOREIGN KEY (identity_id)
        REFERENCES identities (id) ON DELETE CASCADE
);

CREATE INDEX ix_api_keys_identity ON api_keys (identity_id, created_at);

-- Appended only; seq orders entries that share a timestamp.
CREATE TABLE audit_log (
    seq           BIGINT        NOT NULL,
    at            BIGINT        NOT NULL,
    actor_id      VARCHAR(255),
    actor_type    VARCHAR(32),
    action        VARCHAR(512)  NOT NULL,
    target        VARCHAR(2048) NOT NULL,
    status        INTEGER       NOT NULL,
    CONSTRAINT pk_audit_log PRIMARY KEY (seq)
);

CREATE INDEX ix_audit_log_at ON audit_log (at, seq);
CREATE INDEX ix_audit_log_actor ON audit_log (actor_id, at, seq);
