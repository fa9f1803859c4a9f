package org.modelregistry.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.modelregistry.domain.registration.Secret;
import org.modelregistry.domain.workspace.SecretRef;
import org.modelregistry.ports.out.SecretStore;

/**
 * Secrets kept as files in one folder, the way container platforms mount them: the secret {@code
 * name} is the file {@code name}, {@code workspace/name} the file {@code name} in the subfolder
 * {@code workspace}. One trailing line break is dropped. {@link SecretRef}'s grammar (lower-case
 * letters, digits, '_' and '-') keeps every lookup inside the folder; symbolic links are followed
 * only while they stay inside it (Kubernetes mounts each secret as a link into a {@code ..data}
 * folder next to it), never out of it.
 */
final class DirectorySecretStore implements SecretStore {

  /** Secrets are short; a larger file is a mistake, not a secret. */
  private static final long MAX_BYTES = 64 * 1024;

  private final Path root;

  DirectorySecretStore(Path root) {
    try {
      this.root = Objects.requireNonNull(root).toRealPath();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the secrets folder " + root, e);
    }
  }

  @Override
  public Optional<Secret> find(SecretRef ref) {
    Path file;
    try {
      file = root.resolve(ref.value()).toRealPath();
    } catch (IOException e) {
      // No such file, or a link to nowhere.
      return Optional.empty();
    }
    if (!file.startsWith(root) || !Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      if (Files.size(file) > MAX_BYTES) {
        return Optional.empty();
      }
      String value = Files.readString(file, StandardCharsets.UTF_8);
      return Optional.of(new Secret(value.replaceFirst("\r?\n$", "")));
    } catch (IOException e) {
      // The message names the file, never its contents.
      throw new UncheckedIOException("cannot read the secret file for '" + ref + "'", e);
    }
  }
}
