package org.modelregistry.ports.in.spec;

import java.util.List;
import org.modelregistry.domain.naming.FilePath;
import org.modelregistry.domain.spec.ModelSpec;
import org.modelregistry.ports.out.ReadableFiles;

/** Derives a model's spec from the files of its checkpoint. */
public interface DeriveModelSpecUseCase {

  /**
   * Reads {@code config.json}, {@code tokenizer_config.json} and the headers of the {@code
   * *.safetensors} files among {@code files} (all read from {@code source}) and derives the spec;
   * absent files leave their part of the spec empty. Only those files' metadata is read (JSON
   * documents whole, safetensors headers by range), never tensors.
   *
   * @param checkpointModelName the name the spec records as the checkpoint's
   * @param files the checkpoint's files, paths within {@code source}
   * @throws org.modelregistry.domain.error.ValidationException naming each corrupt or hostile file
   *     and what is wrong with it
   */
  ModelSpec derive(String checkpointModelName, ReadableFiles source, List<FilePath> files);
}
