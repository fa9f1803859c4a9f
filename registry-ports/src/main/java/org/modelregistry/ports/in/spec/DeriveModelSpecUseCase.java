package org.modelregistry.ports.in.spec;

import java.util.List;
import org.modelregistry.domain.naming.FilePath;
import org.modelregistry.domain.spec.ModelSpec;

/** Derives a model's spec from the checkpoint files stored for it. */
public interface DeriveModelSpecUseCase {

  /**
   * Reads {@code config.json}, {@code tokenizer_config.json} and the headers of the {@code
   * *.safetensors} files among {@code files} (all stored under {@code folder}) and derives the
   * spec; absent files leave their part of the spec empty.
   *
   * @param checkpointModelName the name the spec records as the checkpoint's
   * @param files the checkpoint's files, relative to {@code folder}
   * @throws org.modelregistry.domain.error.ValidationException naming each corrupt or hostile file
   *     and what is wrong with it
   */
  ModelSpec derive(String checkpointModelName, FilePath folder, List<FilePath> files);
}
