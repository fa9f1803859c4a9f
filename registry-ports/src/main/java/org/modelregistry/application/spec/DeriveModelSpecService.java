package org.modelregistry.application.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.modelregistry.domain.error.Violations;
import org.modelregistry.domain.naming.FilePath;
import org.modelregistry.domain.spec.ModelSpec;
import org.modelregistry.domain.spec.ModelSpecDerivation;
import org.modelregistry.domain.spec.SafetensorsHeader;
import org.modelregistry.ports.in.spec.DeriveModelSpecUseCase;
import org.modelregistry.ports.out.CheckpointReader;
import org.modelregistry.ports.out.ReadableFiles;

/**
 * Derives specs from checkpoints: picks the checkpoint's metadata files by name, reads them through
 * the bounded reader, and lets the domain derive the spec. Every corrupt file is reported, not only
 * the first.
 */
public final class DeriveModelSpecService implements DeriveModelSpecUseCase {

  /** The largest {@code config.json} or {@code tokenizer_config.json} read. */
  public static final long MAX_JSON_BYTES = 4L << 20;

  private final CheckpointReader reader;

  public DeriveModelSpecService(CheckpointReader reader) {
    this.reader = Objects.requireNonNull(reader);
  }

  @Override
  public ModelSpec derive(String checkpointModelName, ReadableFiles source, List<FilePath> files) {
    var violations = Violations.collect();
    Map<String, Object> config = null;
    Map<String, Object> tokenizer = null;
    List<SafetensorsHeader> shards = new ArrayList<>();
    for (FilePath file : files.stream().sorted((a, b) -> a.value().compareTo(b.value())).toList()) {
      String name = file.fileName();
      Violations at = violations.at("files", file.value());
      if (name.equals(ModelSpecDerivation.CONFIG_FILE) && file.segments().size() == 1) {
        config = at.attempt(() -> reader.readJson(source, file, MAX_JSON_BYTES).orElse(null));
      } else if (name.equals(ModelSpecDerivation.TOKENIZER_FILE) && file.segments().size() == 1) {
        tokenizer = at.attempt(() -> reader.readJson(source, file, MAX_JSON_BYTES).orElse(null));
      } else if (name.endsWith(".safetensors")) {
        SafetensorsHeader header =
            at.attempt(() -> reader.readSafetensorsHeader(source, file).orElse(null));
        if (header != null) {
          shards.add(header);
        }
      }
    }
    violations.throwIfAny();
    return ModelSpecDerivation.fromDocuments(checkpointModelName, config, tokenizer, shards);
  }
}
