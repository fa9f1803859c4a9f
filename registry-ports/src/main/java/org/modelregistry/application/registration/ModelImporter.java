package org.modelregistry.application.registration;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.UnaryOperator;
import org.modelregistry.application.Timestamps;
import org.modelregistry.domain.error.ConflictException;
import org.modelregistry.domain.naming.FilePath;
import org.modelregistry.domain.registration.FileImport;
import org.modelregistry.domain.registration.ImportState;
import org.modelregistry.domain.registration.RegisteredModel;
import org.modelregistry.ports.out.ArtifactStore;
import org.modelregistry.ports.out.FetchedSource;
import org.modelregistry.ports.out.RegisteredModelRepository;
import org.modelregistry.ports.out.SourceFetchException;
import org.modelregistry.ports.out.SourceFetcher;
import org.modelregistry.ports.out.StorageException;
import org.modelregistry.ports.out.StoredArtifact;
import org.modelregistry.ports.out.TransactionRunner;

/**
 * Copies the files of IMPORTING versions from their sources into the artifact store, in the
 * background. Each file streams from its source through a size check and a progress counter into
 * the store (no file is held in memory); up to {@link ImportSettings#parallelFiles()} files are
 * copied at once. Every state change is a read-modify-write of the version in one transaction, so
 * parallel copies, a concurrent update and a concurrent delete never overwrite each other. A
 * version that fails, or is deleted while it imports, has its stored bytes removed.
 *
 * <p>Several nodes may share one database. A node imports a version only while it holds the
 * version's claim ({@link org.modelregistry.ports.out.ImportLeases}); it renews its claims as it
 * copies ({@link #startMaintenance}), and takes over the versions whose claims ran out (a node
 * died), resuming or failing them as {@link ImportSettings#onRestart()} says. Every state change
 * checks the claim in its transaction, so a node that lost its claim (it stalled past the lease)
 * changes nothing more, and leaves the stored bytes to the node that took over.
 */
public final class ModelImporter implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(ModelImporter.class.getName());

  private final RegisteredModelRepository models;
  private final TransactionRunner transactions;
  private final ArtifactStore store;
  private final SourceFetcher fetcher;
  private final Clock clock;
  private final ImportSettings settings;
  private final Semaphore copySlots;
  private final ImportNode node;
  private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
  private final Map<String, Job> jobs = new ConcurrentHashMap<>();
  private final LongAdder importedBytes = new LongAdder();
  private final LongAdder importedFiles = new LongAdder();
  private volatile ScheduledExecutorService maintenance;

  public ModelImporter(
      RegisteredModelRepository models,
      TransactionRunner transactions,
      ArtifactStore store,
      SourceFetcher fetcher,
      Clock clock,
      ImportSettings settings,
      ImportNode node) {
    this.models = Objects.requireNonNull(models);
    this.transactions = Objects.requireNonNull(transactions);
    this.store = Objects.requireNonNull(store);
    this.fetcher = Objects.requireNonNull(fetcher);
    this.clock = Objects.requireNonNull(clock);
    this.settings = Objects.requireNonNull(settings);
    this.copySlots = new Semaphore(settings.parallelFiles(), true);
    this.node = Objects.requireNonNull(node);
  }

  /**
   * Starts copying the unfinished files of the IMPORTING version {@code id}, unless it runs here
   * already or another node holds its claim.
   */
  public void schedule(String id) {
    if (jobs.containsKey(id)) {
      return;
    }
    if (!claim(id)) {
      LOG.log(Level.DEBUG, "registration " + id + " is imported by another node");
      return;
    }
    try {
      jobs.computeIfAbsent(
          id,
          key -> {
            var job = new Job(key);
            workers.execute(() -> job.run());
            return job;
          });
    } catch (RejectedExecutionException closing) {
      // Shutting down: the claim is given up, and another node (or the next start) takes over.
      node.leases().release(id, node.nodeId(), now());
    }
  }

  /** Claims {@code id} for this node for one lease from now; whether it holds it. */
  private boolean claim(String id) {
    java.time.Instant now = now();
    return node.leases().claim(id, node.nodeId(), now, now.plus(node.leaseDuration()));
  }

  /** Versions one takeover round looks at, at most. */
  static final int TAKEOVER_BATCH = 100;

  /**
   * Takes over the imports nobody holds a claim on: those a stopped node (this one before a
   * restart, or another that died) left unfinished. Each is claimed, then resumed (every file not
   * yet stored is copied again from its first byte) or failed, as the settings say. Returns how
   * many versions this node took over.
   */
  public int recoverInterrupted() {
    int taken = 0;
    // A version registered less than a lease ago and not claimed yet is its registering node's
    // to claim in a moment: taking it would race that node's first copy.
    for (String id : node.leases().claimable(now(), node.leaseDuration(), TAKEOVER_BATCH)) {
      if (jobs.containsKey(id) || !claim(id) || jobs.containsKey(id)) {
        continue;
      }
      // One version that cannot be recovered must not keep the others (or the server) down.
      try {
        Optional<RegisteredModel> found = models.findById(id);
        if (found.isPresent()) {
          recover(found.get());
          taken++;
        }
      } catch (RuntimeException e) {
        LOG.log(Level.ERROR, "cannot recover the import of registration " + id, e);
      }
    }
    return taken;
  }

  /**
   * One round of what {@link #startMaintenance} repeats: renews the claims of the imports running
   * here (stopping those whose claim was lost), then takes over run-out ones.
   *
   * @return how many imports this round took over
   */
  public int maintain() {
    for (Job job : List.copyOf(jobs.values())) {
      boolean renewed;
      try {
        java.time.Instant now = now();
        renewed = node.leases().renew(job.id, node.nodeId(), now, now.plus(node.leaseDuration()));
      } catch (RuntimeException e) {
        // The database is unreachable: the claim may run out; the copies check it as they record.
        LOG.log(Level.WARNING, "cannot renew the claim on registration " + job.id, e);
        continue;
      }
      if (renewed) {
        job.claimConfirmed();
      } else if (!job.done.isDone()) {
        // Taken over by another node, or ended (READY, FAILED or deleted, maybe by that node):
        // either way this job stops, and leaves the stored bytes alone. Only the first is news.
        boolean stillImporting =
            models.findById(job.id).filter(m -> m.state() == ImportState.IMPORTING).isPresent();
        LOG.log(
            stillImporting ? Level.WARNING : Level.DEBUG,
            "no longer holding the claim on registration " + job.id + "; stopping its copy");
        job.loseClaim();
      }
    }
    return recoverInterrupted();
  }

  /**
   * Renews this node's claims and takes over run-out ones in the background, three times per lease,
   * until {@link #close()}.
   */
  public synchronized void startMaintenance() {
    if (maintenance != null) {
      return;
    }
    maintenance =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "import-claims");
              thread.setDaemon(true);
              return thread;
            });
    long every = node.maintenanceInterval().toMillis();
    maintenance.scheduleWithFixedDelay(
        () -> {
          try {
            maintain();
          } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "import claim maintenance failed; retrying", e);
          }
        },
        every,
        every,
        TimeUnit.MILLISECONDS);
  }

  private void recover(RegisteredModel found) {
    if (settings.onRestart() == ImportSettings.RestartPolicy.RESUME) {
      Optional<RegisteredModel> resumed = change(found.id(), m -> m.resumeImport(now()));
      if (resumed.isPresent()) {
        RegisteredModel model = resumed.get();
        // A copy may have been published just before the stop without being recorded.
        model
            .unfinishedFiles()
            .forEach(f -> store.delete(ModelVersions.storagePath(model, f.target())));
        schedule(model.id());
      }
    } else {
      change(
          found.id(),
          m -> m.failImport("the registry stopped during the import; register it again", now()));
      store.deleteAll(ModelVersions.storageFolder(found));
      node.leases().release(found.id(), node.nodeId(), now());
    }
  }

  /** Stops the import of {@code id} if one runs here; its copies end without being recorded. */
  public void cancel(String id) {
    Job job = jobs.get(id);
    if (job != null) {
      job.cancel();
    }
  }

  /**
   * Waits up to {@code maxWait} for the import of {@code id} to end when it runs here.
   *
   * @return false at once when no import of {@code id} runs here (it may run on another node, or
   *     not have been resumed yet): the caller then polls the store
   */
  public boolean awaitEnd(String id, Duration maxWait) {
    Job job = jobs.get(id);
    if (job == null) {
      return false;
    }
    try {
      job.done.get(maxWait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      // the caller sees the version still IMPORTING
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      // the job logged its own failure
    }
    return true;
  }

  /** How many versions this node imports now. */
  public int runningImports() {
    return jobs.size();
  }

  /**
   * Bytes of the files this node imported and recorded since it started (a file copied again after
   * a failed attempt counts once; bytes of attempts that failed do not count).
   */
  public long importedBytes() {
    return importedBytes.sum();
  }

  /** Files this node imported and recorded since it started. */
  public long importedFiles() {
    return importedFiles.sum();
  }

  /** Whether an import of {@code id} runs here. */
  public boolean isRunning(String id) {
    return jobs.containsKey(id);
  }

  /**
   * Stops every running copy. Versions still IMPORTING stay so in the store, and the next start
   * resumes or fails them.
   */
  @Override
  public void close() {
    ScheduledExecutorService running = maintenance;
    if (running != null) {
      // A round in progress could claim and schedule after the workers stopped: wait for it.
      running.shutdown();
      try {
        running.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    jobs.values().forEach(Job::cancel);
    // The cancelled jobs end by themselves (their copies were interrupted outside any database
    // call); interrupting every worker at once could cut a job's own database call short.
    workers.shutdown();
    try {
      if (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
        workers.shutdownNow();
        workers.awaitTermination(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      workers.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  // --- one version's import

  private final class Job {

    private final String id;
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private final AtomicLong modelBytes = new AtomicLong();

    /**
     * The threads of the running copies by file position, to interrupt them. (Cancelling their
     * Futures instead would report them done while they still run, and skip those not started.)
     */
    private final Map<Integer, Thread> copies = new ConcurrentHashMap<>();

    /** Completes when each copy has really ended. */
    private final List<CompletableFuture<Void>> ended = new ArrayList<>();

    /** No further copying: the version failed or is gone, or the job was told to stop. */
    private volatile boolean stopped;

    /** Told to stop by a delete or a shutdown: the version is left as it is. */
    private volatile boolean stopRequested;

    /**
     * This node no longer holds the version's claim: another node may be copying it, so nothing
     * more is recorded and no stored byte is removed.
     */
    private volatile boolean claimLost;

    /** When (System.nanoTime) the database last confirmed this node's claim. */
    private volatile long claimConfirmedAt = System.nanoTime();

    void claimConfirmed() {
      claimConfirmedAt = System.nanoTime();
    }

    /**
     * Whether this node may still remove stored bytes of the version: it holds the claim as far as
     * it knows, and the database confirmed it recently enough that no other node can have taken it
     * over since (a claim runs out only a whole lease after its last renewal). A node cut off from
     * the database keeps its hands off the store.
     */
    /**
     * Asks the database whether this node still holds the claim, before it removes stored bytes on
     * its own (a copy that failed before anything was recorded); false when it cannot tell.
     */
    private boolean confirmHeld() {
      try {
        if (node.leases().holds(id, node.nodeId(), now())) {
          claimConfirmed();
          return true;
        }
        claimLost = true;
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "cannot confirm the claim on registration " + id, e);
      }
      return false;
    }

    private boolean mayRemoveBytes() {
      long sinceConfirmed = System.nanoTime() - claimConfirmedAt;
      return !claimLost
          && sinceConfirmed < node.leaseDuration().multipliedBy(2).dividedBy(3).toNanos();
    }

    Job(String id) {
      this.id = id;
    }

    void run() {
      try {
        Optional<RegisteredModel> model = models.findById(id);
        if (model.isEmpty() || model.get().state() != ImportState.IMPORTING) {
          return;
        }
        List<FileImport> files = model.get().files();
        files.stream().filter(FileImport::isStored).forEach(f -> modelBytes.addAndGet(f.size()));
        synchronized (ended) {
          for (int position = 0; position < files.size() && !stopped; position++) {
            if (files.get(position).isUnfinished()) {
              start(files.get(position), position);
            }
          }
        }
        awaitCopies();
        finish();
      } catch (RejectedExecutionException e) {
        // The importer is closing: the version stays IMPORTING and the next start picks it up.
        awaitCopies();
      } catch (RuntimeException e) {
        LOG.log(Level.ERROR, "import of registration " + id + " stopped unexpectedly", e);
        awaitCopies();
      } finally {
        jobs.remove(id, this);
        if (!claimLost) {
          try {
            node.leases().release(id, node.nodeId(), now());
          } catch (RuntimeException e) {
            // It runs out by itself.
            LOG.log(Level.DEBUG, "cannot release the claim on registration " + id, e);
          }
        }
        done.complete(null);
      }
    }

    /** The claim was lost (not renewed in time): stop, leaving the version to its new holder. */
    void loseClaim() {
      claimLost = true;
      cancel();
    }

    private void start(FileImport file, int position) {
      var end = new CompletableFuture<Void>();
      ended.add(end);
      try {
        workers.execute(
            () -> {
              copies.put(position, Thread.currentThread());
              try {
                if (!stopped) {
                  copyWithSlot(file, position);
                }
              } finally {
                copies.remove(position);
                end.complete(null);
              }
            });
      } catch (RejectedExecutionException e) {
        end.complete(null);
        throw e;
      }
    }

    private void awaitCopies() {
      List<CompletableFuture<Void>> all;
      synchronized (ended) {
        all = List.copyOf(ended);
      }
      all.forEach(CompletableFuture::join);
    }

    void cancel() {
      stopRequested = true;
      stopped = true;
      interruptCopies(-1);
    }

    /**
     * Interrupts the copies but {@code self}, never one inside a database call: an interrupt there
     * closes the connection (PostgreSQL's driver on a virtual thread), and a commit it cuts short
     * may have happened while the copy believes it did not, and removes the file. Copies record
     * their steps while holding this job's monitor, so taking it here waits for such a call.
     */
    private void interruptCopies(int self) {
      synchronized (this) {
        copies.forEach(
            (position, copy) -> {
              if (position != self) {
                copy.interrupt();
              }
            });
      }
    }

    /** Stops the other copies of this version (one failed, so the version did). */
    private void stopOthers(int self) {
      stopped = true;
      interruptCopies(self);
    }

    /**
     * After every copy really ended: a version that failed or vanished keeps no bytes, and one
     * still IMPORTING (a copy died) fails rather than wait forever.
     */
    private void finish() {
      Optional<RegisteredModel> model = models.findById(id);
      if (model.isEmpty() || model.get().state() == ImportState.FAILED) {
        store.deleteAll(ModelVersions.storageFolder(id));
      } else if (model.get().state() == ImportState.IMPORTING
          && !stopRequested
          && mayRemoveBytes()
          && confirmHeld()) {
        for (FileImport file : model.get().unfinishedFiles()) {
          record(
              file.target(),
              m -> m.failFile(file.target(), "the copy stopped unexpectedly", now()));
        }
        store.deleteAll(ModelVersions.storageFolder(id));
      }
    }

    private void copyWithSlot(FileImport file, int position) {
      try {
        copySlots.acquire();
      } catch (InterruptedException e) {
        return;
      }
      try {
        copy(file, position);
      } finally {
        copySlots.release();
      }
    }

    /** Copies one file, retrying transient failures; records the outcome. */
    private void copy(FileImport file, int position) {
      FilePath target = file.target();
      for (int attempt = 1; !stopped; attempt++) {
        if (attempt > 1) {
          if (!Pauses.pause(settings.backoffBefore(attempt))
              || record(target, m -> m.restartFile(target, now())).isEmpty()) {
            return;
          }
        }
        try {
          copyOnce(file, position);
          return;
        } catch (FailedCopy failure) {
          if (stopped) {
            return;
          }
          if (!failure.retryable || attempt >= settings.maxAttempts()) {
            String reason =
                failure.retryable && attempt > 1
                    ? failure.getMessage() + " (gave up after " + attempt + " attempts)"
                    : failure.getMessage();
            fail(target, position, reason);
            return;
          }
          LOG.log(
              Level.INFO,
              "copy of '"
                  + target
                  + "' of registration "
                  + id
                  + " failed, retrying: "
                  + file.fail(failure.getMessage()).failureReason());
        } catch (RuntimeException e) {
          // A bug or a failing database: the version cannot be completed, so it fails now
          // rather than after its other copies ran for nothing.
          if (stopped) {
            return;
          }
          LOG.log(Level.ERROR, "copy of '" + target + "' of registration " + id + " broke", e);
          fail(
              target,
              position,
              "the copy failed: internal error (" + e.getClass().getSimpleName() + ")");
          return;
        }
      }
    }

    private void copyOnce(FileImport file, int position) {
      FilePath target = file.target();
      try (FetchedSource source = open(file)) {
        Long announced =
            source.contentLength().isPresent() ? source.contentLength().getAsLong() : null;
        if (announced != null) {
          checkLimits(announced, 0);
        }
        if (record(target, m -> m.startFile(target, announced, now())).isEmpty()) {
          return;
        }
        FilePath path = ModelVersions.storagePath(id, position);
        var counted = new CountedSource(source.body(), target);
        boolean kept = false;
        try {
          StoredArtifact stored = write(path, counted, announced);
          verify(stored);
          Optional<RegisteredModel> after =
              record(target, m -> m.completeFile(target, stored.size(), stored.sha256(), now()));
          kept = after.flatMap(m -> m.file(target)).map(FileImport::isStored).orElse(false);
          if (kept) {
            importedFiles.increment();
            importedBytes.add(stored.size());
          }
          if (after.isPresent() && !kept) {
            // Recorded, but FAILED (a size mismatch): the version failed with it.
            stopOthers(position);
          }
        } finally {
          if (!kept) {
            modelBytes.addAndGet(-counted.count);
            // Once the claim may be lost, the path may hold the new holder's copy.
            if (mayRemoveBytes() && confirmHeld()) {
              discard(path);
            }
          }
        }
      }
    }

    private StoredArtifact write(FilePath path, CountedSource counted, Long announced) {
      try {
        return store.write(path, counted, announced == null ? -1 : announced);
      } catch (RuntimeException e) {
        if (counted.limitFailure != null) {
          throw counted.limitFailure;
        }
        if (counted.sourceFailure != null) {
          throw new FailedCopy(readFailure(counted.sourceFailure), true);
        }
        if (counted.ended && announced != null && counted.count != announced) {
          throw new FailedCopy(
              "size mismatch: the source announced " + announced + " bytes, sent " + counted.count,
              true);
        }
        throw new FailedCopy("the registry could not store the file: " + storeFailure(e), true);
      }
    }

    /**
     * Removes what a copy that did not count may have published. The interrupt that stopped the
     * copy is held back meanwhile, or the store's own I/O would fail on it and leave the file.
     */
    private void discard(FilePath path) {
      boolean interrupted = Thread.interrupted();
      try {
        store.delete(path);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "cannot remove " + path + "; the version's final sweep will", e);
      } finally {
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
      }
    }

    private FetchedSource open(FileImport file) {
      try {
        return fetcher.open(file.source());
      } catch (SourceFetchException e) {
        throw new FailedCopy(e.getMessage(), e.isRetryable());
      }
    }

    /**
     * The store's record of the file (its size and digest, kept with the bytes) must match what the
     * write computed while streaming, or the store did not keep what was written.
     */
    private void verify(StoredArtifact written) {
      Optional<StoredArtifact> kept;
      try {
        kept = store.stat(written.path());
      } catch (RuntimeException e) {
        throw new FailedCopy(
            "the registry could not check the stored file: " + storeFailure(e), true);
      }
      if (kept.isEmpty()
          || kept.get().size() != written.size()
          || !kept.get().sha256().equals(written.sha256())) {
        throw new FailedCopy("the stored file does not match what was written", true);
      }
    }

    private void checkLimits(long fileBytes, long alreadyCounted) {
      if (fileBytes > settings.maxFileBytes()) {
        throw new FailedCopy(
            "the file is larger than the limit of " + settings.maxFileBytes() + " bytes per file",
            false);
      }
      if (modelBytes.get() - alreadyCounted + fileBytes > settings.maxModelBytes()) {
        throw new FailedCopy(
            "the model's files together are larger than the limit of "
                + settings.maxModelBytes()
                + " bytes",
            false);
      }
    }

    private void fail(FilePath target, int position, String reason) {
      Optional<RegisteredModel> after = Optional.empty();
      try {
        after = record(target, m -> m.failFile(target, reason, now()));
      } catch (RuntimeException e) {
        LOG.log(Level.ERROR, "cannot record the failure of registration " + id, e);
      }
      stopOthers(position);
      // Unrecorded (the claim is lost, or the database unreachable): the stored files stay for
      // whoever completes or fails the version.
      if (after.isEmpty() || !mayRemoveBytes()) {
        return;
      }
      // The job's final sweep removes what copies still running publish after this.
      try {
        store.deleteAll(ModelVersions.storageFolder(id));
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "cannot remove the files of registration " + id + " yet", e);
      }
      // The recorded reason is logged, not the raw one: recording scrubs the signed URL from it.
      after.ifPresent(
          m ->
              LOG.log(
                  Level.INFO,
                  "import of registration " + id + " failed: " + m.failureReasons().get(target)));
    }

    /**
     * Applies {@code step} to the stored version in one transaction. Empty when the version is gone
     * or no longer IMPORTING: this job then stops copying.
     */
    private Optional<RegisteredModel> record(FilePath target, UnaryOperator<RegisteredModel> step) {
      try {
        Optional<RegisteredModel> next;
        // The transaction makes each change atomic against other writers; the lock spares the
        // parallel copies of one version from contending for it.
        synchronized (this) {
          // Interrupted meanwhile: stopped, so nothing more is recorded (and the database call
          // does not see the interrupt, which would close its connection).
          if (Thread.interrupted()) {
            stopped = true;
            Thread.currentThread().interrupt();
            return Optional.empty();
          }
          next = change(id, step);
          claimConfirmed();
        }
        if (next.isEmpty()) {
          stopped = true;
        }
        return next;
      } catch (ClaimLost e) {
        LOG.log(
            Level.INFO,
            "registration " + id + ": the claim is lost, not recording '" + target + "'");
        claimLost = true;
        stopped = true;
        return Optional.empty();
      } catch (ConflictException e) {
        // The version ended meanwhile (failed through another file): nothing more to record.
        LOG.log(
            Level.DEBUG,
            "registration " + id + ": '" + target + "' not recorded: " + e.getMessage());
        stopped = true;
        return Optional.empty();
      }
    }

    /** Counts bytes as they stream, enforces the limits, records progress, honours a stop. */
    private final class CountedSource extends FilterInputStream {

      private final FilePath target;
      private long count;
      private long nextProgress = settings.progressEvery();
      private IOException sourceFailure;
      private FailedCopy limitFailure;
      private boolean ended;

      CountedSource(InputStream source, FilePath target) {
        super(source);
        this.target = target;
      }

      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        if (stopped) {
          throw new InterruptedIOException("the import was stopped");
        }
        int n;
        try {
          n = super.read(buffer, offset, length);
        } catch (IOException e) {
          sourceFailure = e;
          throw e;
        } catch (SourceFetchException e) {
          sourceFailure = new IOException(e.getMessage(), e);
          throw sourceFailure;
        }
        if (n < 0) {
          ended = true;
        }
        if (n > 0) {
          count += n;
          modelBytes.addAndGet(n);
          try {
            checkLimits(count, count);
          } catch (FailedCopy tooLarge) {
            limitFailure = tooLarge;
            throw new InterruptedIOException(tooLarge.getMessage());
          }
          if (count >= nextProgress) {
            nextProgress = count + settings.progressEvery();
            long copied = count;
            if (record(target, m -> m.recordProgress(target, copied, now())).isEmpty()) {
              throw new InterruptedIOException("the import was stopped");
            }
          }
        }
        return n;
      }
    }
  }

  // --- helpers

  /**
   * Applies {@code step} to the IMPORTING version {@code id} in one transaction; empty when it is
   * gone or no longer IMPORTING.
   *
   * @throws ClaimLost when this node no longer holds the version's claim, also when the version is
   *     gone (checked in the same transaction, so a node that lost it changes nothing)
   */
  private Optional<RegisteredModel> change(String id, UnaryOperator<RegisteredModel> step) {
    return transactions.inTransaction(
        () -> {
          // Whatever became of the version (completed by the node that took it over, say), a node
          // without the claim must not touch it, nor the bytes stored for it.
          if (!node.leases().holds(id, node.nodeId(), now())) {
            throw new ClaimLost();
          }
          Optional<RegisteredModel> current = models.findById(id);
          if (current.isEmpty() || current.get().state() != ImportState.IMPORTING) {
            return Optional.<RegisteredModel>empty();
          }
          RegisteredModel next = step.apply(current.get());
          models.update(next);
          return Optional.of(next);
        });
  }

  /** This node no longer holds the claim of the version it was about to change. */
  private static final class ClaimLost extends RuntimeException {
    ClaimLost() {
      super("the import claim was lost", null, false, false);
    }
  }

  private java.time.Instant now() {
    return Timestamps.now(clock);
  }

  private static String readFailure(IOException e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return "reading the source failed: " + message;
  }

  private static String storeFailure(RuntimeException e) {
    return e instanceof StorageException && e.getMessage() != null
        ? e.getMessage()
        : e.getClass().getSimpleName();
  }

  /** A copy attempt failed; the message becomes the file's failure reason. */
  private static final class FailedCopy extends RuntimeException {
    private final boolean retryable;

    FailedCopy(String message, boolean retryable) {
      super(message, null, false, false);
      this.retryable = retryable;
    }
  }
}
