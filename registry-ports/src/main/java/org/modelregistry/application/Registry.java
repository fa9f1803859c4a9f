package org.modelregistry.application;

import java.io.InputStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.modelregistry.application.identity.AuthenticateService;
import org.modelregistry.application.identity.CreateIdentityService;
import org.modelregistry.application.identity.IssueApiKeyService;
import org.modelregistry.application.identity.ListApiKeysService;
import org.modelregistry.application.identity.ListAuditService;
import org.modelregistry.application.identity.ListIdentitiesService;
import org.modelregistry.application.identity.RecordAuditService;
import org.modelregistry.application.identity.RevokeApiKeyService;
import org.modelregistry.application.identity.UpdateIdentityService;
import org.modelregistry.application.operations.ReadImportStatisticsService;
import org.modelregistry.application.registration.DeleteRegisteredModelService;
import org.modelregistry.application.registration.GetRegisteredModelService;
import org.modelregistry.application.registration.ImportNode;
import org.modelregistry.application.registration.ImportSettings;
import org.modelregistry.application.registration.ListRegisteredModelsService;
import org.modelregistry.application.registration.ModelImporter;
import org.modelregistry.application.registration.ReadModelFileService;
import org.modelregistry.application.registration.RegisterModelService;
import org.modelregistry.application.registration.UpdateRegisteredModelService;
import org.modelregistry.application.spec.DeriveModelSpecService;
import org.modelregistry.application.workspace.AddModelAdapterService;
import org.modelregistry.application.workspace.CreateFilesetService;
import org.modelregistry.application.workspace.CreateModelEntityService;
import org.modelregistry.application.workspace.CredentialGuardedSource;
import org.modelregistry.application.workspace.DeleteFilesetFileService;
import org.modelregistry.application.workspace.DeleteFilesetService;
import org.modelregistry.application.workspace.DeleteModelAdapterService;
import org.modelregistry.application.workspace.DeleteModelEntityService;
import org.modelregistry.application.workspace.FilesetContents;
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
import org.modelregistry.domain.naming.FilePath;
import org.modelregistry.domain.spec.SafetensorsHeader;
import org.modelregistry.domain.workspace.CredentialEndpoints;
import org.modelregistry.domain.workspace.FilesetStorage;
import org.modelregistry.domain.workspace.TrustRemoteCodePolicy;
import org.modelregistry.ports.in.IdentityUseCases;
import org.modelregistry.ports.in.RegistrationUseCases;
import org.modelregistry.ports.in.RegistryUseCases;
import org.modelregistry.ports.in.WorkspaceUseCases;
import org.modelregistry.ports.in.operations.ReadImportStatisticsUseCase;
import org.modelregistry.ports.out.ArtifactStore;
import org.modelregistry.ports.out.CheckpointReader;
import org.modelregistry.ports.out.ExternalFile;
import org.modelregistry.ports.out.ExternalFileSource;
import org.modelregistry.ports.out.ExternalSourceException;
import org.modelregistry.ports.out.IdGenerator;
import org.modelregistry.ports.out.RandomSource;
import org.modelregistry.ports.out.ReadableFiles;
import org.modelregistry.ports.out.RegistryRepositories;
import org.modelregistry.ports.out.SourceFetcher;

/**
 * The registry as a library: every use case implemented by its service over the driven ports it is
 * built with, and the importer that copies registered files in the background. The HTTP server
 * wires itself through it; an application that embeds the registry does the same, without HTTP.
 *
 * <pre>{@code
 * try (Database database = Database.open("jdbc:sqlite:/var/lib/registry/registry.db");
 *     Registry registry =
 *         Registry.builder()
 *             .repositories(database.repositories())
 *             .artifactStore(new LocalArtifactStore(Path.of("/var/lib/registry/artifacts")))
 *             .sourceFetcher(fetcher)
 *             .build()) {
 *   registry.start();
 *   CreateTemplateUseCase create = registry.useCases().createTemplate();
 *   Template template = create.createTemplate(new CreateTemplateCommand(caller, definition));
 * }
 * }</pre>
 *
 * <p>The registry does not own the ports it is given: closing it stops the importer, and the caller
 * closes the database, fetcher and stores afterwards. Its use cases are safe for concurrent use.
 */
public final class Registry implements AutoCloseable {

  private final RegistryUseCases useCases;
  private final ModelImporter importer;
  private final ReadImportStatisticsUseCase importStatistics;

  private Registry(
      RegistryUseCases useCases,
      ModelImporter importer,
      ReadImportStatisticsUseCase importStatistics) {
    this.useCases = useCases;
    this.importer = importer;
    this.importStatistics = importStatistics;
  }

  /** A builder; repositories, artifact store and source fetcher are required, all else optional. */
  public static Builder builder() {
    return new Builder();
  }

  /** Every use case of the registry. */
  public RegistryUseCases useCases() {
    return useCases;
  }

  /** How imports are going on this node and over all versions (for metrics). */
  public ReadImportStatisticsUseCase importStatistics() {
    return importStatistics;
  }

  /**
   * Takes over the imports that a stopped process (this one before a restart, or another node on
   * the same database) left unfinished, resuming or failing them as the {@link ImportSettings} say,
   * then renews this node's import claims in the background until {@link #close()}. Call it once,
   * before registering models: without it, an import that outlasts its lease stops recording.
   *
   * @return how many unfinished imports this node took over
   */
  public int start() {
    int interrupted = importer.recoverInterrupted();
    importer.startMaintenance();
    return interrupted;
  }

  /**
   * Stops the running imports (versions still importing resume at the next {@link #start()}) and
   * the background renewal. The ports the registry was built with stay open.
   */
  @Override
  public void close() {
    importer.close();
  }

  /** Collects the driven ports and settings of a {@link Registry}. Not thread-safe. */
  public static final class Builder {

    private RegistryRepositories repositories;
    private ArtifactStore artifactStore;
    private SourceFetcher sourceFetcher;
    private ExternalFileSource externalFiles = new NoExternalFiles();
    private CredentialEndpoints credentialEndpoints = CredentialEndpoints.DEFAULTS_ONLY;
    private CheckpointReader checkpointReader = new NoCheckpointReader();
    private TrustRemoteCodePolicy trustRemoteCode = TrustRemoteCodePolicy.ADMIN_ONLY;
    private Clock clock = Clock.systemUTC();
    private IdGenerator ids = () -> UUID.randomUUID().toString();
    private RandomSource random = RandomSource.strong();
    private ImportSettings importSettings = ImportSettings.DEFAULTS;
    private String nodeId = "embedded";
    private Duration leaseDuration = ImportNode.DEFAULT_LEASE;

    private Builder() {}

    /** Where records are kept, with their transactions (required). */
    public Builder repositories(RegistryRepositories repositories) {
      this.repositories = Objects.requireNonNull(repositories, "repositories");
      return this;
    }

    /** Where the files of registered versions and local filesets are stored (required). */
    public Builder artifactStore(ArtifactStore artifactStore) {
      this.artifactStore = Objects.requireNonNull(artifactStore, "artifactStore");
      return this;
    }

    /** Fetches the files of registered versions from their source URLs (required). */
    public Builder sourceFetcher(SourceFetcher sourceFetcher) {
      this.sourceFetcher = Objects.requireNonNull(sourceFetcher, "sourceFetcher");
      return this;
    }

    /**
     * Reads filesets kept on S3 or a Hugging Face hub. Without one, creating such a fileset fails
     * with {@link ExternalSourceException}; filesets in the artifact store work either way.
     */
    public Builder externalFiles(ExternalFileSource externalFiles) {
      this.externalFiles = Objects.requireNonNull(externalFiles, "externalFiles");
      return this;
    }

    /**
     * The endpoints besides the public defaults that fileset secrets may be sent to (default: the
     * public defaults only). Every external read passes this guard.
     */
    public Builder credentialEndpoints(CredentialEndpoints credentialEndpoints) {
      this.credentialEndpoints = Objects.requireNonNull(credentialEndpoints, "credentialEndpoints");
      return this;
    }

    /**
     * Reads checkpoint metadata, from which workspace models derive their spec. Without one no
     * checkpoint file is read, so no spec is derived from a fileset.
     */
    public Builder checkpointReader(CheckpointReader checkpointReader) {
      this.checkpointReader = Objects.requireNonNull(checkpointReader, "checkpointReader");
      return this;
    }

    /** Whose models may be marked {@code trust_remote_code} (default: administrators only). */
    public Builder trustRemoteCode(TrustRemoteCodePolicy trustRemoteCode) {
      this.trustRemoteCode = Objects.requireNonNull(trustRemoteCode, "trustRemoteCode");
      return this;
    }

    /** The clock of every timestamp and lease (default: the system clock in UTC). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Issues the ids of new entities (default: random UUIDs). */
    public Builder ids(IdGenerator ids) {
      this.ids = Objects.requireNonNull(ids, "ids");
      return this;
    }

    /** Random bytes of API keys (default: the platform's {@link SecureRandom}). */
    public Builder randomSource(RandomSource random) {
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    /** How files are imported (default: {@link ImportSettings#DEFAULTS}). */
    public Builder importSettings(ImportSettings importSettings) {
      this.importSettings = Objects.requireNonNull(importSettings, "importSettings");
      return this;
    }

    /**
     * This node's name among the processes on one database (default {@code embedded}). Imports are
     * claimed under it and a random part new per registry, so that two processes given the same
     * name (a shared setting, an old instance still draining) never both hold one claim.
     */
    public Builder nodeId(String nodeId) {
      this.nodeId = Objects.requireNonNull(nodeId, "nodeId");
      return this;
    }

    /**
     * How long an import claim lasts unrenewed before another node may take the import over
     * (default: {@link ImportNode#DEFAULT_LEASE}).
     */
    public Builder leaseDuration(Duration leaseDuration) {
      this.leaseDuration = Objects.requireNonNull(leaseDuration, "leaseDuration");
      return this;
    }

    /**
     * Wires every service. Starts nothing but the importer's (idle) worker pool: call {@link
     * Registry#start()} next.
     *
     * @throws NullPointerException when repositories, artifact store or source fetcher is missing
     * @throws IllegalArgumentException when the claim owner or lease duration is out of range
     */
    public Registry build() {
      Objects.requireNonNull(repositories, "repositories are required");
      Objects.requireNonNull(artifactStore, "an artifact store is required");
      Objects.requireNonNull(sourceFetcher, "a source fetcher is required");
      var node =
          new ImportNode(
              nodeId + "/" + HexFormat.of().formatHex(random.bytes(4)),
              repositories.importLeases(),
              leaseDuration);
      var importer =
          new ModelImporter(
              repositories.registeredModels(),
              repositories.transactions(),
              artifactStore,
              sourceFetcher,
              clock,
              importSettings,
              node);
      try {
        return new Registry(
            useCases(importer),
            importer,
            new ReadImportStatisticsService(importer, repositories.registeredModels()));
      } catch (RuntimeException e) {
        importer.close();
        throw e;
      }
    }

    private RegistryUseCases useCases(ModelImporter importer) {
      var templates = repositories.templates();
      var models = repositories.models();
      var registered = repositories.registeredModels();
      var transactions = repositories.transactions();
      var store = artifactStore;
      return new RegistryUseCases(
          new CreateTemplateService(templates, transactions, ids, clock),
          new GetTemplateService(templates),
          new ListTemplatesService(templates),
          new DeleteTemplateService(templates),
          new CreateModelService(models, templates, transactions, ids, clock),
          new GetModelService(models),
          new ListModelsService(models),
          new UpdateModelService(models, templates, transactions),
          new DeleteModelService(models),
          new RegistrationUseCases(
              new RegisterModelService(registered, sourceFetcher, importer, ids, clock),
              new GetRegisteredModelService(registered, importer),
              new ListRegisteredModelsService(registered),
              new UpdateRegisteredModelService(registered, transactions, clock),
              new DeleteRegisteredModelService(registered, transactions, store, importer),
              new ReadModelFileService(registered, store)),
          workspaceUseCases(),
          identityUseCases());
    }

    private WorkspaceUseCases workspaceUseCases() {
      var entities = repositories.modelEntities();
      var filesets = repositories.filesets();
      var transactions = repositories.transactions();
      var store = artifactStore;
      // Fileset secrets go only to approved endpoints, whatever source reads them.
      var external = new CredentialGuardedSource(credentialEndpoints, externalFiles);
      var contents = new FilesetContents(filesets, store, external);
      var deriveSpec = new DeriveModelSpecService(checkpointReader);
      return new WorkspaceUseCases(
          new CreateModelEntityService(
              entities, filesets, contents, deriveSpec, trustRemoteCode, transactions, clock),
          new GetModelEntityService(entities),
          new ListModelEntitiesService(entities),
          new PatchModelEntityService(
              entities, filesets, contents, deriveSpec, trustRemoteCode, transactions, clock),
          new DeleteModelEntityService(entities, transactions),
          new AddModelAdapterService(entities, filesets, transactions, clock),
          new UpdateModelAdapterService(entities, filesets, transactions, clock),
          new DeleteModelAdapterService(entities, transactions, clock),
          new CreateFilesetService(filesets, external, clock),
          new GetFilesetService(filesets),
          new ListFilesetsService(filesets),
          new PatchFilesetService(filesets, transactions, clock),
          new DeleteFilesetService(filesets, entities, store, transactions),
          new PutFilesetFileService(filesets, store),
          new ReadFilesetFileService(filesets, contents),
          new DeleteFilesetFileService(filesets, store),
          new ListFilesetFilesService(filesets, contents));
    }

    private IdentityUseCases identityUseCases() {
      var identities = repositories.identities();
      var keys = repositories.apiKeys();
      var audit = repositories.auditLog();
      var transactions = repositories.transactions();
      return new IdentityUseCases(
          new AuthenticateService(keys, identities, clock),
          new CreateIdentityService(identities, clock),
          new UpdateIdentityService(identities, transactions),
          new ListIdentitiesService(identities),
          new IssueApiKeyService(identities, keys, random, transactions, clock),
          new RevokeApiKeyService(identities, keys, transactions, clock),
          new ListApiKeysService(identities, keys),
          new RecordAuditService(audit, clock),
          new ListAuditService(audit));
    }
  }

  /** The external source of a registry without one: every external storage is refused. */
  private static final class NoExternalFiles implements ExternalFileSource {

    @Override
    public FilesetStorage pin(FilesetStorage storage) {
      throw refused(storage);
    }

    @Override
    public List<ExternalFile> list(FilesetStorage storage) {
      throw refused(storage);
    }

    @Override
    public Optional<ExternalFile> stat(FilesetStorage storage, FilePath path) {
      throw refused(storage);
    }

    @Override
    public Optional<InputStream> read(
        FilesetStorage storage, FilePath path, long offset, long length) {
      throw refused(storage);
    }

    private static RuntimeException refused(FilesetStorage storage) {
      if (storage instanceof FilesetStorage.Local) {
        // The port's contract: local filesets are never read through an external source.
        return new IllegalArgumentException("a local fileset has no external source");
      }
      return new ExternalSourceException(
          "this registry reads no external fileset sources (none was configured)");
    }
  }

  /** The checkpoint reader of a registry without one: it finds no checkpoint file. */
  private static final class NoCheckpointReader implements CheckpointReader {

    @Override
    public Optional<Map<String, Object>> readJson(
        ReadableFiles files, FilePath path, long maxBytes) {
      return Optional.empty();
    }

    @Override
    public Optional<SafetensorsHeader> readSafetensorsHeader(ReadableFiles files, FilePath path) {
      return Optional.empty();
    }
  }
}
