package org.modelregistry.domain.registration;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.modelregistry.domain.error.ConflictException;
import org.modelregistry.domain.error.Violations;
import org.modelregistry.domain.identity.Actor;
import org.modelregistry.domain.identity.Caller;
import org.modelregistry.domain.naming.FilePath;
import org.modelregistry.domain.naming.ResourceName;

/**
 * One registered version of a model, owned by the user who registered it and unique by (owner,
 * name, version). The registry copies its files from their source URLs into its own storage: the
 * version is IMPORTING while any file is unfinished, READY once every file is STORED, and FAILED as
 * soon as one file fails (the files not yet copied then fail too, each with its reason, since a
 * version missing a file is unusable). READY and FAILED are final. Instances are immutable; every
 * step returns the next state and refuses steps the current state does not allow.
 */
public final class RegisteredModel {

  /** Ids are generated (UUIDs), never typed by users; the bound keeps them usable as paths. */
  public static final int MAX_ID_LENGTH = 64;

  private final String id;
  private final String ownerId;
  private final ResourceName name;
  private final VersionName version;
  private final Visibility visibility;
  private final String description;
  private final ModelMetainfo metainfo;
  private final RegistrationConfig config;
  private final List<FileImport> files;
  private final ImportState state;
  private final Instant createdAt;
  private final Instant updatedAt;

  private RegisteredModel(
      String id,
      String ownerId,
      ResourceName name,
      VersionName version,
      Visibility visibility,
      String description,
      ModelMetainfo metainfo,
      RegistrationConfig config,
      List<FileImport> files,
      ImportState state,
      Instant createdAt,
      Instant updatedAt) {
    this.id = requireId(id);
    this.ownerId = requireOwner(ownerId);
    this.name = Objects.requireNonNull(name, "name");
    this.version = Objects.requireNonNull(version, "version");
    this.visibility = Objects.requireNonNull(visibility, "visibility");
    this.description = Objects.requireNonNull(description, "description");
    this.metainfo = metainfo;
    this.config = Objects.requireNonNull(config, "config");
    this.files = List.copyOf(files);
    this.state = Objects.requireNonNull(state, "state");
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
    checkFiles();
    if (state != stateOf(this.files)) {
      throw new IllegalArgumentException(
          "state " + state + " does not match the files' states (" + stateOf(this.files) + ")");
    }
  }

  /**
   * A version just registered by {@code ownerId}: IMPORTING, every file PENDING. The {@code id} is
   * new for every registration, so a version deleted and registered again never meets the stored
   * bytes of its predecessor.
   */
  public static RegisteredModel create(
      String id, String ownerId, Registration registration, Instant now) {
    return new RegisteredModel(
        id,
        ownerId,
        registration.name(),
        registration.version(),
        registration.visibility(),
        registration.description(),
        registration.metainfo(),
        registration.config(),
        registration.files().stream().map(FileImport::pending).toList(),
        ImportState.IMPORTING,
        now,
        now);
  }

  /**
   * A version read back from storage.
   *
   * @throws IllegalArgumentException when the stored parts contradict each other (a state that does
   *     not match the files, a reference to a file that is not there): corrupt storage
   */
  public static RegisteredModel reconstitute(
      String id,
      String ownerId,
      ResourceName name,
      VersionName version,
      Visibility visibility,
      String description,
      ModelMetainfo metainfo,
      RegistrationConfig config,
      List<FileImport> files,
      ImportState state,
      Instant createdAt,
      Instant updatedAt) {
    return new RegisteredModel(
        id,
        ownerId,
        name,
        version,
        visibility,
        description,
        metainfo,
        config,
        files,
        state,
        createdAt,
        updatedAt);
  }

  // --- the import, step by step

  /** The copy of {@code target} begins; {@code expectedBytes} is its announced size, or null. */
  public RegisteredModel startFile(FilePath target, Long expectedBytes, Instant now) {
    return withFile(target, file -> file.start(expectedBytes), now);
  }

  /** {@code bytesCopied} bytes of {@code target} are copied so far. */
  public RegisteredModel recordProgress(FilePath target, long bytesCopied, Instant now) {
    return withFile(target, file -> file.progress(bytesCopied), now);
  }

  /**
   * The copy of {@code target} finished: it is STORED, or FAILED when its size is not the announced
   * one. The version becomes READY with its last stored file, FAILED with a failed one.
   */
  public RegisteredModel completeFile(FilePath target, long size, String sha256, Instant now) {
    return withFile(target, file -> file.complete(size, sha256), now);
  }

  /**
   * The copy of {@code target} starts over from its first byte, after a failure worth retrying (the
   * bytes copied so far are dropped).
   */
  public RegisteredModel restartFile(FilePath target, Instant now) {
    return withFile(target, FileImport::reset, now);
  }

  /** The copy of {@code target} failed for {@code reason}; the version fails with it. */
  public RegisteredModel failFile(FilePath target, String reason, Instant now) {
    return withFile(target, file -> file.fail(reason), now);
  }

  /**
   * Restart rule, resuming: an IMPORTING version found at startup copies again every file not yet
   * STORED, from the beginning (a partial copy cannot be trusted).
   */
  public RegisteredModel resumeImport(Instant now) {
    requireImporting("resume its import");
    return withFiles(files.stream().map(f -> f.isUnfinished() ? f.reset() : f).toList(), now);
  }

  /**
   * Restart rule, giving up: an IMPORTING version found at startup fails cleanly, every file not
   * yet STORED failing for {@code reason}.
   */
  public RegisteredModel failImport(String reason, Instant now) {
    requireImporting("fail its import");
    return withFiles(files.stream().map(f -> f.isUnfinished() ? f.fail(reason) : f).toList(), now);
  }

  // --- changes after registration

  /**
   * This version with {@code update} applied; allowed in every state.
   *
   * @throws org.modelregistry.domain.error.ValidationException when the resulting description or
   *     metainfo breaks a rule, including an index page that is not one of the version's files;
   *     paths are those of the update document ({@code model_metainfo}...)
   */
  public RegisteredModel update(RegistrationUpdate update, Instant now) {
    var violations = Violations.collect();
    String newDescription = Objects.requireNonNullElse(update.description(), description);
    RegistrationRules.checkDescription(
        newDescription, violations.at("model_metainfo", "description"));
    ModelMetainfo newMetainfo = metainfo;
    if (!update.metainfo().isEmpty()) {
      newMetainfo =
          violations.at("model_metainfo").attempt(() -> update.metainfo().applyTo(metainfo));
    }
    if (newMetainfo != null) {
      RegistrationRules.checkReferences(newMetainfo.fileReferences(), fileTargets(), violations);
    }
    violations.throwIfAny();
    return new RegisteredModel(
        id,
        ownerId,
        name,
        version,
        Objects.requireNonNullElse(update.visibility(), visibility),
        newDescription,
        newMetainfo,
        config,
        files,
        state,
        createdAt,
        now);
  }

  // --- queries

  /**
   * Public versions are visible to everyone (anonymous readers too), private ones only to their
   * owner and administrators.
   */
  public boolean isVisibleTo(Caller caller) {
    return visibility == Visibility.PUBLIC || caller.admin() || caller.is(ownerId);
  }

  /** Only the owner and administrators may change or delete a version. */
  public boolean isChangeableBy(Caller caller) {
    return caller.admin() || caller.is(ownerId);
  }

  /** Usable: every file stored and verified. */
  public boolean isReady() {
    return state == ImportState.READY;
  }

  public ImportProgress progress() {
    return ImportProgress.of(files);
  }

  /** The reason of every FAILED file, in file order; empty unless the version FAILED. */
  public Map<FilePath, String> failureReasons() {
    var reasons = new LinkedHashMap<FilePath, String>();
    files.stream()
        .filter(FileImport::isFailed)
        .forEach(f -> reasons.put(f.target(), f.failureReason()));
    return Collections.unmodifiableMap(reasons);
  }

  /** The files still to copy (PENDING or COPYING), in file order. */
  public List<FileImport> unfinishedFiles() {
    return files.stream().filter(FileImport::isUnfinished).toList();
  }

  public Optional<FileImport> file(FilePath target) {
    return files.stream().filter(f -> f.target().equals(target)).findFirst();
  }

  public Set<FilePath> fileTargets() {
    var targets = new LinkedHashSet<FilePath>();
    files.forEach(f -> targets.add(f.target()));
    return Collections.unmodifiableSet(targets);
  }

  /** The registration's own id: unique among all registrations ever made. */
  public String id() {
    return id;
  }

  public String ownerId() {
    return ownerId;
  }

  public ResourceName name() {
    return name;
  }

  public VersionName version() {
    return version;
  }

  public Visibility visibility() {
    return visibility;
  }

  /** The one-line description; empty when none was given. */
  public String description() {
    return description;
  }

  /** The metainfo, or null for a version registered through the older route without one. */
  public ModelMetainfo metainfo() {
    return metainfo;
  }

  public RegistrationConfig config() {
    return config;
  }

  public ModelKind type() {
    return config.type();
  }

  /** The files in registration order, with how far each one's copy got. */
  public List<FileImport> files() {
    return files;
  }

  public ImportState state() {
    return state;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  // --- internals

  private RegisteredModel withFile(FilePath target, UnaryOperator<FileImport> step, Instant now) {
    requireImporting("change its files");
    int index = indexOf(target);
    var next = new ArrayList<>(files);
    FileImport changed = step.apply(files.get(index));
    next.set(index, changed);
    if (changed.isFailed()) {
      // One missing file makes the version unusable: the others are not copied any further.
      String reason = "not copied: the import stopped because '" + target + "' failed";
      next.replaceAll(f -> f.isUnfinished() ? f.fail(reason) : f);
    }
    return withFiles(next, now);
  }

  private RegisteredModel withFiles(List<FileImport> next, Instant now) {
    return new RegisteredModel(
        id,
        ownerId,
        name,
        version,
        visibility,
        description,
        metainfo,
        config,
        next,
        stateOf(next),
        createdAt,
        now);
  }

  private int indexOf(FilePath target) {
    for (int i = 0; i < files.size(); i++) {
      if (files.get(i).target().equals(target)) {
        return i;
      }
    }
    throw new IllegalArgumentException("'" + target + "' is not a file of " + this);
  }

  private void requireImporting(String action) {
    if (state != ImportState.IMPORTING) {
      throw new ConflictException(
          "model '" + name + "' version '" + version + "' is " + state + " and cannot " + action);
    }
  }

  /** The version's state follows from its files' states. */
  static ImportState stateOf(List<FileImport> files) {
    if (files.stream().anyMatch(FileImport::isFailed)) {
      return ImportState.FAILED;
    }
    return files.stream().allMatch(FileImport::isStored)
        ? ImportState.READY
        : ImportState.IMPORTING;
  }

  private void checkFiles() {
    if (files.isEmpty()) {
      throw new IllegalArgumentException("a registered model has at least one file");
    }
    var targets = new HashSet<FilePath>();
    for (FileImport file : files) {
      if (!targets.add(file.target())) {
        throw new IllegalArgumentException("file '" + file.target() + "' is listed twice");
      }
    }
    if (state == ImportState.FAILED && files.stream().anyMatch(FileImport::isUnfinished)) {
      throw new IllegalArgumentException("a FAILED version has no file left to copy");
    }
    var violations = Violations.collect();
    RegistrationRules.checkReferences(
        Registration.references(config, metainfo), targets, violations);
    if (!violations.isEmpty()) {
      throw new IllegalArgumentException(
          "stored references do not match the files: " + violations.list());
    }
  }

  private static String requireId(String id) {
    Objects.requireNonNull(id, "id");
    if (id.isBlank() || id.length() > MAX_ID_LENGTH) {
      throw new IllegalArgumentException("an id has 1 to " + MAX_ID_LENGTH + " characters");
    }
    return id;
  }

  private static String requireOwner(String ownerId) {
    Objects.requireNonNull(ownerId, "ownerId");
    if (ownerId.isBlank() || ownerId.length() > Actor.MAX_USER_ID_LENGTH) {
      throw new IllegalArgumentException(
          "an owner is a user id of 1 to " + Actor.MAX_USER_ID_LENGTH + " characters");
    }
    return ownerId;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RegisteredModel m
        && id.equals(m.id)
        && ownerId.equals(m.ownerId)
        && name.equals(m.name)
        && version.equals(m.version)
        && visibility == m.visibility
        && description.equals(m.description)
        && Objects.equals(metainfo, m.metainfo)
        && config.equals(m.config)
        && files.equals(m.files)
        && state == m.state
        && createdAt.equals(m.createdAt)
        && updatedAt.equals(m.updatedAt);
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }

  /** Identity and state only: the configuration holds secrets and the files signed URLs. */
  @Override
  public String toString() {
    return "RegisteredModel["
        + id
        + ", "
        + ownerId
        + "/"
        + name
        + "/"
        + version
        + ", "
        + state
        + "]";
  }
}
