package org.modelregistry.domain.model;

/** Published facts about a base model; every field optional. */
public record BaseModelDetails(
    Long numberOfParameters, Long tokenContextWindow, Long languages, Long alignments) {}
