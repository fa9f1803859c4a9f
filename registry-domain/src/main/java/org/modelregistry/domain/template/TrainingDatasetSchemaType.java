package org.modelregistry.domain.template;

/** The dataset layout a fine-tuning job expects. */
public enum TrainingDatasetSchemaType {
  GENERATION,
  RERANKING_QUESTIONS
}
