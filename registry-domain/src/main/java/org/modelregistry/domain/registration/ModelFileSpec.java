package org.modelregistry.domain.registration;

import java.util.Objects;
import org.modelregistry.domain.naming.FilePath;

/**
 * One entry of {@code model_files}: the name a file gets in the registry's storage and the URL it
 * is copied from. Its {@code toString} shows the source redacted.
 */
public record ModelFileSpec(FilePath target, SourceUrl source) {

  public ModelFileSpec {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(source, "source");
  }
}
