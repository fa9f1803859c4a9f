package org.modelregistry.domain.workspace;

import java.util.Map;

/**
 * A partial update of a fileset as the reference allows: every null field keeps its value; name,
 * workspace and storage never change.
 */
public record FilesetPatch(
    String description,
    String project,
    FilesetPurpose purpose,
    Map<String, Object> metadata,
    Map<String, Object> customFields) {}
