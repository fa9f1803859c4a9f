package org.modelregistry.adapter.http;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import org.modelregistry.application.workspace.AddModelAdapterService;
import org.modelregistry.application.workspace.CreateFilesetService;
import org.modelregistry.application.workspace.CreateModelEntityService;
import org.modelregistry.application.workspace.DeleteFilesetFileService;
import org.modelregistry.application.workspace.DeleteFilesetService;
import org.modelregistry.application.workspace.DeleteModelAdapterService;
import org.modelregistry.application.workspace.DeleteModelEntityService;
import org.modelregistry.application.workspace.FilesetContents;
import org.modelregistry.application.workspace.FilesetStorageLayout;
import org.modelregistry.application.workspace.GetFilesetService;
import org.modelregistry.application.workspace.GetModelEntityService;
import org.modelregistry.application.workspace.ListFilesetFilesService;
import org.modelregistry.application.workspace.ListFilesetsService;
import org.modelregistry.application.workspace.ListModelEntitiesService;
import org.modelregistry.application.workspace.PatchFilesetService;
import org.modelregistry.application.workspace.PatchModelEntityService;
import org.modelregistry.application.workspace.PutFilesetFileService;
import org.modelregistry.application.workspace.ReadFilesetFileService;
import org.modelregistry.application.workspace.UpdateModelAdapterService;
import org.modelregistry.domain.identity.Caller;
import org.modelregistry.domain.naming.FilePath;
import org.modelregistry.domain.spec.ModelSpec;
import org.modelregistry.domain.workspace.EntityName;
import org.modelregistry.domain.workspace.Fileset;
import org.modelregistry.domain.workspace.FilesetPurpose;
import org.modelregistry.domain.workspace.FilesetRef;
import org.modelregistry.domain.workspace.FilesetStorage;
import org.modelregistry.domain.workspace.TrustRemoteCodePolicy;
import org.modelregistry.domain.workspace.WorkspaceName;
import org.modelregistry.ports.in.WorkspaceUseCases;
import org.modelregistry.ports.in.spec.DeriveModelSpecUseCase;
import org.modelregistry.ports.in.workspace.NewFileset;
import org.modelregistry.ports.out.memory.InMemoryArtifactStore;
import org.modelregistry.ports.out.memory.InMemoryExternalFileSource;
import org.modelregistry.ports.out.memory.InMemoryFilesetRepository;
import org.modelregistry.ports.out.memory.InMemoryModelEntityRepository;
import org.modelregistry.ports.out.memory.LockingTransactionRunner;

/**
 * The real workspace services over in-memory fakes, behind the {@code /apis/models/v2/...} routes:
 * trust_remote_code is for administrators and models on {@link #APPROVED_SOURCES}, external sources
 * all exist (empty until {@link #external()} is given files), and a spec is "derived" by a stub
 * returning {@link #DERIVED}. Tests of the model routes create filesets directly through {@link
 * #fileset}.
 */
final class WorkspaceWorld {

  /** What the stub derivation answers for every fileset. */
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
          "{{ messages }}");

  /**
   * The sources whose models anyone may mark {@code trust_remote_code}: the Hugging Face
   * organisation {@code approved-org} and the {@code models/} folder of the bucket {@code trusted}.
   */
  static final String[] APPROVED_SOURCES = {"hf://approved-org/*", "s3://trusted/models/**"};

  private final InMemoryModelEntityRepository models = new InMemoryModelEntityRepository();
  private final InMemoryFilesetRepository filesets = new InMemoryFilesetRepository();
  private final InMemoryArtifactStore store = new InMemoryArtifactStore();
  private final InMemoryExternalFileSource external = new InMemoryExternalFileSource();
  private final CreateFilesetService createFileset;
  private final Clock clock;
  private final WorkspaceUseCases useCases;

  WorkspaceWorld(Clock clock) {
    this.clock = clock;
    var tx = new LockingTransactionRunner();
    DeriveModelSpecUseCase derive = (checkpoint, folder, files) -> DERIVED;
    TrustRemoteCodePolicy policy = TrustRemoteCodePolicy.of(APPROVED_SOURCES);
    var contents = new FilesetContents(filesets, store, external);
    this.createFileset = new CreateFilesetService(filesets, external, clock);
    this.useCases =
        new WorkspaceUseCases(
            new CreateModelEntityService(models, filesets, contents, derive, policy, tx, clock),
            new GetModelEntityService(models),
            new ListModelEntitiesService(models),
            new PatchModelEntityService(models, filesets, contents, derive, policy, tx, clock),
            new DeleteModelEntityService(models, tx),
            new AddModelAdapterService(models, filesets, tx, clock),
            new UpdateModelAdapterService(models, filesets, tx, clock),
            new DeleteModelAdapterService(models, tx, clock),
            createFileset,
            new GetFilesetService(filesets),
            new ListFilesetsService(filesets),
            new PatchFilesetService(filesets, tx, clock),
            new DeleteFilesetService(filesets, models, store, tx),
            new PutFilesetFileService(filesets, store),
            new ReadFilesetFileService(filesets, contents),
            new DeleteFilesetFileService(filesets, store),
            new ListFilesetFilesService(filesets, contents));
  }

  /** The external sources filesets read from: every source exists, empty until added to. */
  InMemoryExternalFileSource external() {
    return external;
  }

  WorkspaceUseCases useCases() {
    return useCases;
  }

  /** Creates an empty fileset {@code workspace/name} in the registry's own store. */
  void fileset(String workspace, String name) {
    createFileset.create(
        Caller.trusted(ApiFixture.LOCAL, false),
        new NewFileset(
            new WorkspaceName(workspace),
            new EntityName(name),
            null,
            null,
            FilesetPurpose.MODEL,
            Map.of(),
            Map.of(),
            null));
  }

  /**
   * Adds a fileset {@code workspace/name} reading its files from a Hugging Face repository, as if
   * its source had been checked when it was created.
   */
  void externalFileset(String workspace, String name) {
    filesets.insert(
        Fileset.create(
            new WorkspaceName(workspace),
            new EntityName(name),
            null,
            null,
            FilesetPurpose.MODEL,
            Map.of(),
            Map.of(),
            new FilesetStorage.HuggingFace("org/model", null, null, null),
            clock.instant()));
  }

  /** Stores {@code content} as the file {@code path} of the fileset {@code workspace/name}. */
  void file(String workspace, String name, String path, String content) {
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    store.write(
        FilesetStorageLayout.file(
            new FilesetRef(new WorkspaceName(workspace), new EntityName(name)), new FilePath(path)),
        new ByteArrayInputStream(bytes),
        bytes.length);
  }
}
