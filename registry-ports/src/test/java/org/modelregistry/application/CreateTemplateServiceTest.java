package org.modelregistry.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.modelregistry.domain.testdata.TestTemplates.aTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.modelregistry.domain.error.ConflictException;
import org.modelregistry.domain.identity.Actor;
import org.modelregistry.domain.identity.Caller;
import org.modelregistry.domain.identity.IdentityType;
import org.modelregistry.domain.testdata.TestTemplates;
import org.modelregistry.ports.in.CreateTemplateCommand;
import org.modelregistry.ports.in.TemplateQuery;
import org.modelregistry.ports.out.TransactionRunner;
import org.modelregistry.ports.out.memory.InMemoryRegistryStore;
import org.modelregistry.ports.paging.PageRequest;

class CreateTemplateServiceTest {

  private static final Caller CALLER = Caller.trusted(TestTemplates.ALICE, false);

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-03-04T05:06:07.123456789Z"), ZoneOffset.UTC);
  private static final Caller BOB =
      Caller.trusted(new Actor("bob", IdentityType.SERVICE_ACCOUNT), false);

  private final InMemoryRegistryStore store = new InMemoryRegistryStore();
  private final CountingIdGenerator ids = new CountingIdGenerator();
  private final CreateTemplateService service =
      new CreateTemplateService(store.templates(), TransactionRunner.direct(), ids, CLOCK);

  private long storedCount() {
    return store
        .templates()
        .list(new TemplateQuery(CALLER, Optional.empty(), PageRequest.first(100)))
        .totalItemCount();
  }

  @Test
  void givenADefinition_createTemplate_stampsIdTimeAndCreator() {
    var definition = aTemplate().definition();

    var template = service.createTemplate(new CreateTemplateCommand(BOB, definition));

    assertThat(template.id()).isEqualTo("id-1");
    assertThat(template.definition()).isEqualTo(definition);
    assertThat(template.createdBy()).isEqualTo(BOB.requireActor());
    assertThat(template.createdAt()).isEqualTo(Instant.parse("2026-03-04T05:06:07.123456Z"));
  }

  @Test
  void givenAClockWithNanoseconds_createTemplate_truncatesTheStampToMicroseconds() {
    var nanos = Clock.fixed(Instant.parse("2026-03-04T05:06:07.999999999Z"), ZoneOffset.UTC);
    var precise =
        new CreateTemplateService(store.templates(), TransactionRunner.direct(), ids, nanos);

    var template = precise.createTemplate(new CreateTemplateCommand(BOB, aTemplate().definition()));

    assertThat(template.createdAt()).isEqualTo(Instant.parse("2026-03-04T05:06:07.999999Z"));
  }

  @Test
  void givenADefinition_createTemplate_storesWhatItReturns() {
    var template = service.createTemplate(new CreateTemplateCommand(BOB, aTemplate().definition()));

    assertThat(store.templates().findById(template.id())).contains(template);
  }

  @Test
  void givenTwoTemplates_createTemplate_givesEachANewId() {
    var first = service.createTemplate(new CreateTemplateCommand(BOB, aTemplate().definition()));
    var second = service.createTemplate(new CreateTemplateCommand(BOB, aTemplate().definition()));

    assertThat(first.id()).isEqualTo("id-1");
    assertThat(second.id()).isEqualTo("id-2");
    assertThat(storedCount()).isEqualTo(2);
  }

  @Test
  void givenANameTakenInTheAccount_createTemplate_failsWithConflictAndStoresNothingNew() {
    var first =
        service.createTemplate(
            new CreateTemplateCommand(BOB, aTemplate().withName("llm").definition()));

    assertThatThrownBy(
            () ->
                service.createTemplate(
                    new CreateTemplateCommand(BOB, aTemplate().withName("llm").definition())))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("llm");
    assertThat(storedCount()).isEqualTo(1);
    assertThat(store.templates().findById(first.id())).contains(first);
  }

  @Test
  void givenTheSameNameInAnotherAccount_createTemplate_accepts() {
    service.createTemplate(
        new CreateTemplateCommand(
            BOB, aTemplate().withName("llm").withAccountId("acct-a").definition()));

    var second =
        service.createTemplate(
            new CreateTemplateCommand(
                BOB, aTemplate().withName("llm").withAccountId("acct-b").definition()));

    assertThat(store.templates().findById(second.id())).contains(second);
  }
}
