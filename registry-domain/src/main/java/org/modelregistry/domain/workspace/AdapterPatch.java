package org.modelregistry.domain.workspace;

/** A partial update of an adapter, as the reference allows: every null field keeps its value. */
public record AdapterPatch(String description, Boolean enabled, FilesetRef fileset) {}
