package org.modelregistry.application.workspace;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.modelregistry.domain.identity.Actor;
import org.modelregistry.domain.identity.Caller;
import org.modelregistry.domain.identity.IdentityType;
import org.modelregistry.domain.naming.FilePath;
import org.modelregistry.domain.spec.ModelSpec;
import org.modelregistry.domain.workspace.EntityName;
import org.modelregistry.domain.workspace.Fileset;
import org.modelregistry.domain.workspace.FilesetPurpose;
import org.modelregistry.domain.workspace.FilesetRef;
import org.modelregistry.domain.workspace.FilesetStorage;
import org.modelregistry.domain.workspace.ModelEntity;
import org.modelregistry.domain.workspace.ModelEntityDefinition;
import org.modelregistry.domain.workspace.ModelRef;
import org.modelregistry.domain.workspace.TrustRemoteCodePolicy;
import org.modelregistry.domain.workspace.WorkspaceName;
import org.modelregistry.ports.in.spec.DeriveModelSpecUseCase;
import org.modelregistry.ports.in.workspace.NewFileset;
import org.modelregistry.ports.out.ReadableFiles;
import org.modelregistry.ports.out.TransactionRunner;
import org.modelregistry.ports.out.memory.InMemoryArtifactStore;
import org.modelregistry.ports.out.memory.InMemoryExternalFileSource;
import org.modelregistry.ports.out.memory.InMemoryFilesetRepository;
import org.modelregistry.ports.out.memory.InMemoryModelEntityRepository;

/** The workspace services wired to in-memory fakes, with test data helpers. */
final class WorkspaceServices {

  static final WorkspaceName WS = new WorkspaceName("team");
  static final Caller USER = Caller.trusted(new Actor("alice", IdentityType.USER), false);
  static final Caller ADMIN = Caller.trusted(new Actor("root", IdentityType.USER), true);
  static final Instant T0 = Instant.parse("2026-01-02T03:04:05.123456Z");

  /** The configured policy approves Hugging Face repositories of {@code approved-org}. */
  static final TrustRemoteCodePolicy POLICY = TrustRemoteCodePolicy.of("hf://approved-org/*");

  static final FilesetStorage APPROVED =
      new FilesetStorage.HuggingFace("approved-org/llama", null, null, null);
  static final FilesetStorage UNAPPROVED =
      new FilesetStorage.HuggingFace("other-org/llama", null, null, null);

  static final ModelSpec DERIVED =
      new ModelSpec(
          "derived",
          "llama",
          2,
          64,
          4,
          2,
          128,
          1000,
          2048,
          false,
          true,
          12345L,
          "bfloat16",
          true,
          null);

  final InMemoryModelEntityRepository models = new InMemoryModelEntityRepository();
  final InMemoryFilesetRepository filesets = new InMemoryFilesetRepository();
  final InMemoryArtifactStore store = new InMemoryArtifactStore();
  final StubDeriveSpec deriveSpec = new StubDeriveSpec();

  /** Holds the approved and the unapproved repository, each with a README.md. */
  final InMemoryExternalFileSource external =
      new InMemoryExternalFileSource()
          .add(APPROVED, "README.md", "approved")
          .add(UNAPPROVED, "README.md", "unapproved");

  final FilesetContents contents = new FilesetContents(filesets, store, external);
  final MutableClock clock = new MutableClock(T0);
  final TransactionRunner transactions = TransactionRunner.direct();

  final CreateModelEntityService createModel =
      new CreateModelEntityService(
          models, filesets, contents, deriveSpec, POLICY, transactions, clock);
  final GetModelEntityService getModel = new GetModelEntityService(models);
  final ListModelEntitiesService listModels = new ListModelEntitiesService(models);
  final PatchModelEntityService patchModel =
      new PatchModelEntityService(
          models, filesets, contents, deriveSpec, POLICY, transactions, clock);
  final DeleteModelEntityService deleteModel = new DeleteModelEntityService(models, transactions);
  final AddModelAdapterService addAdapter =
      new AddModelAdapterService(models, filesets, transactions, clock);
  final UpdateModelAdapterService updateAdapter =
      new UpdateModelAdapterService(models, filesets, transactions, clock);
  final DeleteModelAdapterService deleteAdapter =
      new DeleteModelAdapterService(models, transactions, clock);
  final CreateFilesetService createFileset = new CreateFilesetService(filesets, external, clock);
  final GetFilesetService getFileset = new GetFilesetService(filesets);
  final ListFilesetsService listFilesets = new ListFilesetsService(filesets);
  final PatchFilesetService patchFileset = new PatchFilesetService(filesets, transactions, clock);
  final DeleteFilesetService deleteFileset =
      new DeleteFilesetService(filesets, models, store, transactions);

  final PutFilesetFileService putFile = new PutFilesetFileService(filesets, store);
  final ReadFilesetFileService readFile = new ReadFilesetFileService(filesets, contents);
  final DeleteFilesetFileService deleteFile = new DeleteFilesetFileService(filesets, store);
  final ListFilesetFilesService listFiles = new ListFilesetFilesService(filesets, contents);

  static EntityName name(String value) {
    return new EntityName(value);
  }

  static ModelRef modelRef(String name) {
    return new ModelRef(WS, name(name));
  }

  static FilesetRef filesetRef(String name) {
    return new FilesetRef(WS, name(name));
  }

  static NewFileset newFileset(String name, FilesetStorage storage) {
    return new NewFileset(
        WS,
        name(name),
        "a fileset",
        "proj",
        FilesetPurpose.MODEL,
        Map.of("k", "v"),
        Map.of(),
        storage);
  }

  /** A definition with only a name, the given fileset and flag. */
  static ModelEntityDefinition definition(String name, FilesetRef fileset, boolean trust) {
    return definition(name, fileset, null, trust);
  }

  static ModelEntityDefinition definition(
      String name, FilesetRef fileset, ModelRef baseModel, boolean trust) {
    return new ModelEntityDefinition(
        name(name),
        "desc",
        null,
        baseModel,
        null,
        null,
        fileset,
        null,
        null,
        null,
        trust,
        null,
        null,
        null);
  }

  Fileset fileset(String name, FilesetStorage storage) {
    return createFileset.create(USER, newFileset(name, storage));
  }

  ModelEntity model(String name) {
    return createModel.create(USER, WS, definition(name, null, false));
  }

  void storeFile(FilesetRef fileset, String path, String content) {
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    store.write(
        FilesetStorageLayout.file(fileset, new FilePath(path)),
        new ByteArrayInputStream(bytes),
        bytes.length);
  }

  /** Returns {@link #DERIVED} and records how it was asked. */
  static final class StubDeriveSpec implements DeriveModelSpecUseCase {

    record Call(String checkpointModelName, ReadableFiles source, List<FilePath> files) {}

    final List<Call> calls = new ArrayList<>();

    @Override
    public ModelSpec derive(
        String checkpointModelName, ReadableFiles source, List<FilePath> files) {
      calls.add(new Call(checkpointModelName, source, List.copyOf(files)));
      return DERIVED;
    }
  }

  /** A clock the test moves forward. */
  static final class MutableClock extends Clock {

    private Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advanceSeconds(long seconds) {
      now = now.plusSeconds(seconds);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
