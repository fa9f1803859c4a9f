package org.modelregistry.ports.out.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.modelregistry.domain.identity.Actor;
import org.modelregistry.domain.identity.AuditEntry;
import org.modelregistry.domain.identity.IdentityType;
import org.modelregistry.ports.out.AuditLog;
import org.modelregistry.ports.paging.Page;

/**
 * The behaviour every {@link AuditLog} shares; extend it once per implementation and return fresh,
 * empty stores from {@link #openStores()}. Entries name actors that need not exist as identities.
 */
public abstract class AuditLogContract extends IdentityStoreContract {

  private static final Actor ALICE = new Actor("alice", IdentityType.USER);
  private static final Actor BOT = new Actor("ci-bot", IdentityType.SERVICE_ACCOUNT);
  private static final Optional<String> ANYONE = Optional.empty();
  private static final Optional<Instant> ANY_TIME = Optional.empty();

  private static AuditEntry entry(Instant at, Actor actor, String target) {
    return new AuditEntry(at, Optional.ofNullable(actor), "POST /v4/models", target, 201);
  }

  private AuditEntry appended(long seconds, Actor actor, String target) {
    AuditEntry entry = entry(at(seconds), actor, target);
    auditLog.append(entry);
    return entry;
  }

  private List<String> targets(Optional<String> actorId, Optional<Instant> before) {
    return auditLog.list(actorId, before, 1, 100).items().stream().map(AuditEntry::target).toList();
  }

  @Test
  void givenNoEntry_list_isAnEmptyPage() {
    Page<AuditEntry> page = auditLog.list(ANYONE, ANY_TIME, 1, 10);

    assertThat(page.items()).isEmpty();
    assertThat(page.totalItemCount()).isZero();
    assertThat(page.currentPage()).isEqualTo(1);
    assertThat(page.itemsPerPage()).isEqualTo(10);
    assertThat(page.nextCursor()).isEmpty();
  }

  @Test
  void givenEveryFieldSet_append_listReturnsItUnchanged() {
    var entry =
        new AuditEntry(
            at(3).plusNanos(1_000),
            Optional.of(BOT),
            "PUT /api/v1.0/model/{name}/{version}",
            "/api/v1.0/model/llama/1.0?x=\"ü\"",
            409);
    auditLog.append(entry);

    assertThat(auditLog.list(ANYONE, ANY_TIME, 1, 10).items()).containsExactly(entry);
  }

  @Test
  void givenEntryWithoutActor_append_listReturnsItWithAnEmptyActor() {
    var anonymous =
        new AuditEntry(at(1), Optional.empty(), "POST /api/add_models", "/api/add_models", 401);
    auditLog.append(anonymous);

    AuditEntry listed = auditLog.list(ANYONE, ANY_TIME, 1, 10).items().getFirst();
    assertThat(listed).isEqualTo(anonymous);
    assertThat(listed.actor()).isEmpty();
  }

  @Test
  void givenTargetOverTheLimit_append_keepsItsFirst2048Characters() {
    String longTarget = "/v4/models/" + "x".repeat(3000);
    var entry = entry(at(1), ALICE, longTarget);
    auditLog.append(entry);

    String stored = auditLog.list(ANYONE, ANY_TIME, 1, 10).items().getFirst().target();
    assertThat(stored).hasSize(AuditEntry.MAX_TARGET_LENGTH).isEqualTo(entry.target());
    assertThat(longTarget).startsWith(stored);
  }

  @Test
  void givenActionAndTargetAtTheirLimits_append_keepsThemWhole() {
    var entry =
        new AuditEntry(
            at(1),
            Optional.of(ALICE),
            "A".repeat(AuditEntry.MAX_ACTION_LENGTH),
            "ü".repeat(AuditEntry.MAX_TARGET_LENGTH),
            200);
    auditLog.append(entry);

    assertThat(auditLog.list(ANYONE, ANY_TIME, 1, 10).items()).containsExactly(entry);
  }

  @Test
  void givenEntriesAppendedOutOfTimeOrder_list_returnsNewestFirst() {
    appended(20, ALICE, "/b");
    appended(10, ALICE, "/a");
    appended(30, BOT, "/c");

    assertThat(targets(ANYONE, ANY_TIME)).containsExactly("/c", "/b", "/a");
  }

  @Test
  void givenEntriesOfTheSameInstant_list_returnsTheLatestAppendedFirst() {
    appended(5, ALICE, "/first");
    appended(5, BOT, "/second");
    appended(5, null, "/third");
    appended(4, ALICE, "/older");
    appended(6, ALICE, "/newer");

    assertThat(targets(ANYONE, ANY_TIME))
        .containsExactly("/newer", "/third", "/second", "/first", "/older");
  }

  @Test
  void givenEntriesAMicrosecondApart_list_keepsTheirOrder() {
    auditLog.append(entry(T0.plusNanos(1_000), ALICE, "/later"));
    auditLog.append(entry(T0, ALICE, "/earlier"));

    assertThat(targets(ANYONE, ANY_TIME)).containsExactly("/later", "/earlier");
  }

  @Test
  void givenSeveralActors_listByActor_returnsOnlyTheirs() {
    appended(1, ALICE, "/a1");
    appended(2, BOT, "/b1");
    appended(3, null, "/anonymous");
    appended(4, ALICE, "/a2");

    assertThat(targets(Optional.of("alice"), ANY_TIME)).containsExactly("/a2", "/a1");
    assertThat(targets(Optional.of("ci-bot"), ANY_TIME)).containsExactly("/b1");
    assertThat(targets(Optional.of("nobody"), ANY_TIME)).isEmpty();
    assertThat(auditLog.list(Optional.of("alice"), ANY_TIME, 1, 10).totalItemCount()).isEqualTo(2);
  }

  @Test
  void givenActorIdsThatDifferInCase_listByActor_matchesExactly() {
    appended(1, ALICE, "/lower");
    appended(2, new Actor("Alice", IdentityType.USER), "/upper");

    assertThat(targets(Optional.of("alice"), ANY_TIME)).containsExactly("/lower");
  }

  @Test
  void givenBefore_list_returnsEntriesAtOrBeforeIt() {
    appended(1, ALICE, "/1");
    appended(2, ALICE, "/2");
    appended(2, BOT, "/2b");
    appended(3, ALICE, "/3");

    assertThat(targets(ANYONE, Optional.of(at(2)))).containsExactly("/2b", "/2", "/1");
    assertThat(targets(ANYONE, Optional.of(at(2).minusNanos(1_000)))).containsExactly("/1");
    assertThat(targets(ANYONE, Optional.of(at(0)))).isEmpty();
    assertThat(auditLog.list(ANYONE, Optional.of(at(2)), 1, 10).totalItemCount()).isEqualTo(3);
  }

  @Test
  void givenActorAndBefore_list_appliesBoth() {
    appended(1, ALICE, "/a1");
    appended(2, BOT, "/b2");
    appended(3, ALICE, "/a3");
    appended(4, ALICE, "/a4");

    Page<AuditEntry> page = auditLog.list(Optional.of("alice"), Optional.of(at(3)), 1, 10);

    assertThat(page.items()).extracting(AuditEntry::target).containsExactly("/a3", "/a1");
    assertThat(page.totalItemCount()).isEqualTo(2);
  }

  @Test
  void givenFiveEntries_listByPagesOfTwo_walksThemWithTheTotalOnEachPage() {
    for (int i = 1; i <= 5; i++) {
      appended(i, ALICE, "/" + i);
    }

    Page<AuditEntry> first = auditLog.list(ANYONE, ANY_TIME, 1, 2);
    Page<AuditEntry> second = auditLog.list(ANYONE, ANY_TIME, 2, 2);
    Page<AuditEntry> third = auditLog.list(ANYONE, ANY_TIME, 3, 2);
    Page<AuditEntry> beyond = auditLog.list(ANYONE, ANY_TIME, 4, 2);

    assertThat(first.items()).extracting(AuditEntry::target).containsExactly("/5", "/4");
    assertThat(second.items()).extracting(AuditEntry::target).containsExactly("/3", "/2");
    assertThat(third.items()).extracting(AuditEntry::target).containsExactly("/1");
    assertThat(beyond.items()).isEmpty();
    assertThat(List.of(first, second, third, beyond))
        .allSatisfy(
            page -> {
              assertThat(page.totalItemCount()).isEqualTo(5);
              assertThat(page.itemsPerPage()).isEqualTo(2);
            });
    assertThat(second.currentPage()).isEqualTo(2);
    assertThat(beyond.currentPage()).isEqualTo(4);
  }

  @Test
  void givenTiesAcrossAPageBoundary_listByPages_neitherRepeatsNorSkips() {
    for (int i = 1; i <= 4; i++) {
      appended(7, ALICE, "/tie-" + i);
    }

    var first = auditLog.list(ANYONE, ANY_TIME, 1, 3).items();
    var second = auditLog.list(ANYONE, ANY_TIME, 2, 3).items();

    assertThat(first).extracting(AuditEntry::target).containsExactly("/tie-4", "/tie-3", "/tie-2");
    assertThat(second).extracting(AuditEntry::target).containsExactly("/tie-1");
  }

  @Test
  void givenFilteredPages_listByActorAndPage_countsOnlyTheMatches() {
    for (int i = 1; i <= 3; i++) {
      appended(i, ALICE, "/a" + i);
      appended(i, BOT, "/b" + i);
    }

    Page<AuditEntry> page = auditLog.list(Optional.of("ci-bot"), ANY_TIME, 2, 2);

    assertThat(page.items()).extracting(AuditEntry::target).containsExactly("/b1");
    assertThat(page.totalItemCount()).isEqualTo(3);
  }

  @Test
  void givenConcurrentAppends_append_keepsEveryOne() throws Exception {
    var outcomes = race(4, i -> appended(i, ALICE, "/racer-" + i));

    assertThat(outcomes).allSatisfy(o -> assertThat(o).isEmpty());
    assertThat(targets(ANYONE, ANY_TIME))
        .containsExactly("/racer-3", "/racer-2", "/racer-1", "/racer-0");
  }
}
