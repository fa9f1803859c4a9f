package org.modelregistry.application.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.modelregistry.application.identity.IdentityServices.ALICE;
import static org.modelregistry.application.identity.IdentityServices.ROOT;
import static org.modelregistry.application.identity.IdentityServices.T0;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.modelregistry.domain.error.ForbiddenException;
import org.modelregistry.domain.error.ValidationException;
import org.modelregistry.domain.identity.Actor;
import org.modelregistry.domain.identity.AuditEntry;
import org.modelregistry.ports.in.identity.AuditEvent;
import org.modelregistry.ports.in.identity.AuditQuery;
import org.modelregistry.ports.paging.Page;

/** Recording mutations, and reading them back as an administrator. */
class AuditServicesTest {

  private static final Instant NOW = T0.truncatedTo(ChronoUnit.MICROS);

  private final IdentityServices services = new IdentityServices().withRootAliceAndBob();

  private static AuditEvent event(Actor actor, String target, int status) {
    return new AuditEvent(Optional.ofNullable(actor), "POST /v4/models", target, status);
  }

  private void recordAtSecond(long second, Actor actor, String target) {
    services.clock.set(T0.plusSeconds(second));
    services.recordAudit.record(event(actor, target, 201));
  }

  private static AuditQuery query(String actorId, Instant before, int page, int pageSize) {
    return new AuditQuery(
        Optional.ofNullable(actorId), Optional.ofNullable(before), page, pageSize);
  }

  private List<String> targets(AuditQuery query) {
    return services.listAudit.list(ROOT, query).items().stream().map(AuditEntry::target).toList();
  }

  @Nested
  class Record {

    @Test
    void givenEvent_record_appendsItStampedToTheMicrosecond() {
      AuditEntry entry = services.recordAudit.record(event(ALICE.actor(), "/v4/models/m1", 201));

      assertThat(entry)
          .isEqualTo(
              new AuditEntry(
                  NOW, Optional.of(ALICE.actor()), "POST /v4/models", "/v4/models/m1", 201));
      assertThat(services.auditLog.entries()).containsExactly(entry);
    }

    @Test
    void givenAnonymousFailedRequest_record_keepsItWithoutActor() {
      AuditEntry entry = services.recordAudit.record(event(null, "/v4/models", 401));

      assertThat(entry.actor()).isEmpty();
      assertThat(entry.succeeded()).isFalse();
      assertThat(services.auditLog.entries()).containsExactly(entry);
    }

    @Test
    void givenOverlongTarget_record_keepsItsStart() {
      AuditEntry entry =
          services.recordAudit.record(event(ALICE.actor(), "/" + "x".repeat(5000), 404));

      assertThat(entry.target()).hasSize(AuditEntry.MAX_TARGET_LENGTH);
      assertThat(services.auditLog.entries().getFirst().target()).isEqualTo(entry.target());
    }

    @Test
    void givenInvalidStatusOrAction_record_isRefusedAndAppendsNothing() {
      assertThatThrownBy(() -> services.recordAudit.record(event(ALICE.actor(), "/", 42)))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(
              () -> services.recordAudit.record(new AuditEvent(Optional.empty(), " ", "/", 200)))
          .isInstanceOf(IllegalArgumentException.class);

      assertThat(services.auditLog.entries()).isEmpty();
    }
  }

  @Nested
  class ListEntries {

    @Test
    void givenAdmin_list_returnsNewestFirstWithTheTotal() {
      recordAtSecond(1, ALICE.actor(), "/1");
      recordAtSecond(3, ROOT.actor(), "/3");
      recordAtSecond(2, null, "/2");

      Page<AuditEntry> page = services.listAudit.list(ROOT, AuditQuery.LATEST);

      assertThat(page.items()).extracting(AuditEntry::target).containsExactly("/3", "/2", "/1");
      assertThat(page.totalItemCount()).isEqualTo(3);
      assertThat(page.currentPage()).isEqualTo(1);
      assertThat(page.itemsPerPage()).isEqualTo(AuditQuery.DEFAULT_PAGE_SIZE);
    }

    @Test
    void givenEntriesOfOneInstant_list_returnsTheLatestRecordedFirst() {
      recordAtSecond(1, ALICE.actor(), "/first");
      recordAtSecond(1, ALICE.actor(), "/second");

      assertThat(targets(AuditQuery.LATEST)).containsExactly("/second", "/first");
    }

    @Test
    void givenNonAdmin_list_isForbiddenEvenForItsOwnEntries() {
      recordAtSecond(1, ALICE.actor(), "/mine");

      assertThatThrownBy(() -> services.listAudit.list(ALICE, query("alice", null, 1, 10)))
          .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void givenActorAndBefore_list_filtersByBoth() {
      recordAtSecond(1, ALICE.actor(), "/a1");
      recordAtSecond(2, ROOT.actor(), "/r2");
      recordAtSecond(3, ALICE.actor(), "/a3");
      recordAtSecond(4, ALICE.actor(), "/a4");

      assertThat(targets(query("alice", null, 1, 10))).containsExactly("/a4", "/a3", "/a1");
      assertThat(targets(query(null, T0.plusSeconds(2), 1, 10))).containsExactly("/r2", "/a1");
      assertThat(targets(query("alice", T0.plusSeconds(3), 1, 10))).containsExactly("/a3", "/a1");
    }

    @Test
    void givenManyEntries_listByPages_returnsEachSliceWithTheTotal() {
      for (int i = 1; i <= 5; i++) {
        recordAtSecond(i, ALICE.actor(), "/" + i);
      }

      Page<AuditEntry> second = services.listAudit.list(ROOT, query(null, null, 2, 2));

      assertThat(second.items()).extracting(AuditEntry::target).containsExactly("/3", "/2");
      assertThat(second.totalItemCount()).isEqualTo(5);
      assertThat(services.listAudit.list(ROOT, query(null, null, 4, 2)).items()).isEmpty();
    }

    @Test
    void givenInvalidPaging_query_isRejectedAtEachField() {
      assertThatThrownBy(() -> query("", null, 0, 0))
          .isInstanceOfSatisfying(
              ValidationException.class,
              e ->
                  assertThat(e.violations())
                      .extracting(v -> v.path())
                      .containsExactlyInAnyOrder(
                          List.of("actor_id"), List.of("page"), List.of("page_size")));
      assertThatThrownBy(() -> query(null, null, 1, AuditQuery.MAX_PAGE_SIZE + 1))
          .isInstanceOf(ValidationException.class);
      assertThatThrownBy(() -> query("a".repeat(256), null, 1, 10))
          .isInstanceOf(ValidationException.class);
      assertThat(query(null, null, 1, AuditQuery.MAX_PAGE_SIZE).pageSize()).isEqualTo(1000);
    }
  }
}
