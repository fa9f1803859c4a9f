package org.modelregistry.ports.out.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.modelregistry.domain.testdata.TestModels.aModel;
import static org.modelregistry.domain.testdata.TestTemplates.aTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.modelregistry.domain.error.ConflictException;
import org.modelregistry.domain.identity.Actor;
import org.modelregistry.domain.identity.Caller;
import org.modelregistry.domain.identity.IdentityType;
import org.modelregistry.domain.model.Model;
import org.modelregistry.domain.template.BundleConfig;
import org.modelregistry.domain.template.EndpointConfig;
import org.modelregistry.domain.template.EndpointProtocol;
import org.modelregistry.domain.template.EndpointType;
import org.modelregistry.domain.template.FineTuningBundleConfig;
import org.modelregistry.domain.template.GpuType;
import org.modelregistry.domain.template.ModelType;
import org.modelregistry.domain.template.ParameterType;
import org.modelregistry.domain.template.RequiredResources;
import org.modelregistry.domain.template.Template;
import org.modelregistry.domain.template.TrainingDatasetSchemaType;
import org.modelregistry.domain.template.VendorConfiguration;
import org.modelregistry.domain.testdata.TestTemplates;
import org.modelregistry.ports.in.TemplateQuery;
import org.modelregistry.ports.paging.Page;
import org.modelregistry.ports.paging.PageRequest;

/**
 * The behaviour every {@link org.modelregistry.ports.out.TemplateRepository} shares; extend it once
 * per implementation.
 */
public abstract class TemplateRepositoryContract extends RegistryStoreContract {

  /** A template that sets every field, each to a value other than its default. */
  protected static TestTemplates aFullyConfiguredTemplate() {
    var bundle =
        new BundleConfig(
            "registry.example",
            "llm-server",
            "2.1.0",
            List.of("python", "-m", "server", "--port", "5005"),
            Map.of("MODEL_DIR", "/models", "LOG_LEVEL", "debug"),
            List.of("python", "-m", "server", "--stream"),
            30,
            "/health",
            "/v1/predict",
            "/v1/stream");
    var endpoint =
        new EndpointConfig(
            8,
            "32Gi",
            "100Gi",
            2,
            GpuType.NVIDIA_AMPERE_A100,
            1,
            4,
            5,
            EndpointType.STREAMING,
            true);
    var fineTuning =
        new FineTuningBundleConfig(
            "registry.example",
            "trainer",
            "0.9",
            List.of("train", "--epochs", "3"),
            Map.of("WANDB_MODE", "offline"),
            "/etc/job/config.json",
            TrainingDatasetSchemaType.RERANKING_QUESTIONS,
            new RequiredResources(16, "64Gi", "200Gi", 4, GpuType.NVIDIA_HOPPER_H100_3G40GB));
    return aTemplate()
        .withName("full-template.v1")
        .withEndpointType(EndpointType.ASYNC)
        .withModelType(ModelType.CHAT_COMPLETION)
        .withVendorConfiguration(new VendorConfiguration("LAUNCH", bundle, endpoint, fineTuning))
        .withCreationParameter("base_model", ParameterType.STR, true)
        .withCreationParameter("epochs", ParameterType.INT, false)
        .withCreationParameter("learning_rate", ParameterType.FLOAT, false)
        .withCreationParameter("use_lora", ParameterType.BOOL, true)
        .withRequestParameter("temperature", ParameterType.FLOAT, false)
        .withRequestParameter("max_tokens", ParameterType.INT, true)
        .withRequestParameter("stop", ParameterType.STR, false)
        .withRequestParameter("stream", ParameterType.BOOL, false)
        .withEndpointProtocol(EndpointProtocol.VLLM)
        .createdAt(Instant.parse("2026-03-04T05:06:07.123456Z"))
        .createdBy(new Actor("deployer-bot", IdentityType.SERVICE_ACCOUNT));
  }

  private Page<Template> list(Optional<String> account, PageRequest page) {
    return templates.list(new TemplateQuery(SEES_ALL, account, page));
  }

  private Page<Template> listAll(PageRequest page) {
    return list(Optional.empty(), page);
  }

  // ---- round trip ------------------------------------------------------------------------

  @Test
  void givenFullyConfiguredTemplate_insertThenFindById_returnsAnEqualTemplate() {
    Template template = stored(aFullyConfiguredTemplate());

    Optional<Template> found = templates.findById(template.id());

    assertThat(found).contains(template);
    assertThat(found.get().definition()).isEqualTo(template.definition());
    assertThat(found.get().createdAt()).isEqualTo(Instant.parse("2026-03-04T05:06:07.123456Z"));
    assertThat(found.get().createdBy()).isEqualTo(template.createdBy());
  }

  @Test
  void givenMinimalTemplate_insertThenFindById_keepsOptionalPartsAbsent() {
    Template template = stored(aTemplate());

    Template found = templates.findById(template.id()).orElseThrow();

    assertThat(found).isEqualTo(template);
    assertThat(found.definition().modelCreationParametersSchema()).isNull();
    assertThat(found.definition().modelRequestParametersSchema()).isNull();
    assertThat(found.definition().endpointProtocol()).isNull();
    assertThat(found.definition().vendorConfiguration().endpointConfig()).isNull();
    assertThat(found.definition().vendorConfiguration().fineTuningJobBundleConfig()).isNull();
  }

  @Test
  void givenTemplateWithDefaultedEndpointConfig_insertThenFindById_returnsAnEqualTemplate() {
    var bundle = BundleConfig.of("registry.example", "server", "1");
    Template template =
        stored(
            aTemplate()
                .withVendorConfiguration(
                    new VendorConfiguration("LAUNCH", bundle, EndpointConfig.defaults(), null)));

    assertThat(templates.findById(template.id())).contains(template);
  }

  @Test
  void givenNoTemplates_findById_returnsEmpty() {
    assertThat(templates.findById("no-such-template")).isEmpty();
  }

  // ---- uniqueness --------------------------------------------------------------------------

  @Test
  void givenTemplateNameTakenInAccount_insert_throwsConflictAndKeepsTheFirst() {
    Template first = stored(aTemplate().withName("shared-name"));
    Template second = aTemplate().withName("shared-name").build();

    assertThatThrownBy(() -> templates.insert(second))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("shared-name");
    assertThat(templates.findById(first.id())).contains(first);
    assertThat(templates.findById(second.id())).isEmpty();
  }

  @Test
  void givenTemplateNameTakenInAnotherAccount_insert_succeeds() {
    stored(aTemplate().withName("shared-name"));
    Template other = stored(aTemplate().withName("shared-name").withAccountId(OTHER_ACCOUNT));

    assertThat(templates.findById(other.id())).contains(other);
  }

  @Test
  void givenTemplateIdTaken_insert_throwsConflict() {
    Template first = stored(aTemplate().withId("fixed-id"));

    assertThatThrownBy(() -> templates.insert(aTemplate().withId("fixed-id").build()))
        .isInstanceOf(ConflictException.class);
    assertThat(templates.findById("fixed-id")).contains(first);
  }

  @Test
  void givenManyThreadsInsertingTheSameName_insert_exactlyOneWinsAndTheOthersConflict()
      throws Exception {
    int threads = 8;

    var outcomes = race(threads, i -> templates.insert(aTemplate().withName("contested").build()));

    assertThat(outcomes.stream().filter(Optional::isEmpty)).hasSize(1);
    assertThat(outcomes.stream().flatMap(Optional::stream))
        .hasSize(threads - 1)
        .allMatch(e -> e instanceof ConflictException, "is a ConflictException");
    assertThat(listAll(PageRequest.first(100)).items())
        .extracting(t -> t.definition().name().value())
        .containsExactly("contested");
  }

  // ---- delete ------------------------------------------------------------------------------

  @Test
  void givenNoSuchTemplate_delete_returnsFalse() {
    stored(aTemplate());

    assertThat(templates.delete("no-such-template")).isFalse();
    assertThat(listAll(PageRequest.first(10)).totalItemCount()).isEqualTo(1);
  }

  @Test
  void givenUnusedTemplate_delete_removesIt() {
    Template template = stored(aTemplate());
    Template other = stored(aTemplate());

    assertThat(templates.delete(template.id())).isTrue();

    assertThat(templates.findById(template.id())).isEmpty();
    assertThat(templates.findById(other.id())).contains(other);
    assertThat(templates.delete(template.id())).isFalse();
  }

  @Test
  void givenTemplateUsedByModel_delete_throwsConflictAndKeepsTheTemplate() {
    Template template = stored(aTemplate());
    Model model = stored(aModel().fromTemplate(template));

    assertThatThrownBy(() -> templates.delete(template.id()))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining(template.id());
    assertThat(templates.findById(template.id())).contains(template);
    assertThat(models.findById(model.id())).contains(model);
  }

  @Test
  void givenTemplateWhoseModelsWereDeleted_delete_succeeds() {
    Template template = stored(aTemplate());
    Model model = stored(aModel().fromTemplate(template));
    assertThat(models.delete(model.id())).isTrue();

    assertThat(templates.delete(template.id())).isTrue();
    assertThat(templates.findById(template.id())).isEmpty();
  }

  // ---- list --------------------------------------------------------------------------------

  @Test
  void givenAViewerScope_list_returnsItsAccountsAndItsOwnCreationsOnly() {
    Actor carol = new Actor("carol", IdentityType.USER);
    Template ofAccount = stored(aTemplate().createdAt(at(1)));
    Template carolsElsewhere =
        stored(aTemplate().withAccountId(OTHER_ACCOUNT).createdBy(carol).createdAt(at(2)));
    Template othersElsewhere =
        stored(aTemplate().withName("other").withAccountId(OTHER_ACCOUNT).createdAt(at(3)));

    Page<Template> carols =
        templates.list(
            new TemplateQuery(
                member("carol", TestTemplates.ACCOUNT), Optional.empty(), PageRequest.first(10)));
    Page<Template> strangers =
        templates.list(
            new TemplateQuery(
                member("dave", "acct-nobody"), Optional.empty(), PageRequest.first(10)));
    Page<Template> carolsInOther =
        templates.list(
            new TemplateQuery(
                member("carol", TestTemplates.ACCOUNT),
                Optional.of(OTHER_ACCOUNT),
                PageRequest.first(10)));

    assertThat(carols.items()).containsExactly(ofAccount, carolsElsewhere);
    assertThat(carols.totalItemCount()).isEqualTo(2);
    assertThat(strangers.items()).isEmpty();
    assertThat(strangers.totalItemCount()).isZero();
    assertThat(carolsInOther.items()).containsExactly(carolsElsewhere);
    assertThat(listAll(PageRequest.first(10)).items())
        .containsExactly(ofAccount, carolsElsewhere, othersElsewhere);
  }

  @Test
  void givenAViewerScope_cursorPages_walkOnlyItsTemplates() {
    List<Template> visible = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      visible.add(stored(aTemplate().withName("mine-" + i).createdAt(at(2 * i))));
      stored(
          aTemplate()
              .withName("theirs-" + i)
              .withAccountId(OTHER_ACCOUNT)
              .createdAt(at(2 * i + 1)));
    }
    Caller viewer = member("carol", TestTemplates.ACCOUNT);

    List<Template> walked = new ArrayList<>();
    Page<Template> page =
        templates.list(new TemplateQuery(viewer, Optional.empty(), PageRequest.first(2)));
    walked.addAll(page.items());
    assertThat(page.totalItemCount()).isEqualTo(5);
    while (page.nextCursor().isPresent()) {
      page =
          templates.list(
              new TemplateQuery(
                  viewer, Optional.empty(), PageRequest.after(page.nextCursor().get(), 2)));
      walked.addAll(page.items());
    }

    assertThat(walked).containsExactlyElementsOf(visible);
  }

  @Test
  void givenTemplatesInSeveralAccounts_listOneAccount_returnsOnlyItsTemplates() {
    Template mine1 = stored(aTemplate().createdAt(at(1)));
    stored(aTemplate().withAccountId(OTHER_ACCOUNT).createdAt(at(2)));
    Template mine2 = stored(aTemplate().createdAt(at(3)));

    Page<Template> page = list(Optional.of(TestTemplates.ACCOUNT), PageRequest.first(10));

    assertThat(page.items()).containsExactly(mine1, mine2);
    assertThat(page.totalItemCount()).isEqualTo(2);
    assertThat(list(Optional.of("acct-nobody"), PageRequest.first(10)).items()).isEmpty();
  }

  @Test
  void givenTemplatesCreatedOutOfOrder_list_ordersByCreatedAtThenId() {
    Template late = stored(aTemplate().withId("t-a").createdAt(at(30)));
    Template tieB = stored(aTemplate().withId("t-c").createdAt(at(20)));
    Template early = stored(aTemplate().withId("t-z").createdAt(at(10)));
    Template tieA = stored(aTemplate().withId("t-b").createdAt(at(20)));
    Template micro = stored(aTemplate().withId("t-y").createdAt(at(20).plusNanos(1_000)));

    assertThat(listAll(PageRequest.first(10)).items())
        .containsExactly(early, tieA, tieB, micro, late);
  }

  @Test
  void givenSevenTemplates_listPageTwoOfThree_returnsTheMiddleSliceWithCounts() {
    var all = new ArrayList<Template>();
    for (int i = 0; i < 7; i++) {
      all.add(stored(aTemplate().createdAt(at(i))));
    }

    Page<Template> page = listAll(new PageRequest(2, 3, Optional.empty()));

    assertThat(page.items()).containsExactlyElementsOf(all.subList(3, 6));
    assertThat(page.totalItemCount()).isEqualTo(7);
    assertThat(page.currentPage()).isEqualTo(2);
    assertThat(page.itemsPerPage()).isEqualTo(3);
    assertThat(page.nextCursor()).isPresent();
  }

  @Test
  void givenSevenTemplates_listLastAndPastLastPage_returnsTheRestThenNothingWithoutCursor() {
    var all = new ArrayList<Template>();
    for (int i = 0; i < 7; i++) {
      all.add(stored(aTemplate().createdAt(at(i))));
    }

    Page<Template> last = listAll(new PageRequest(3, 3, Optional.empty()));
    Page<Template> beyond = listAll(new PageRequest(4, 3, Optional.empty()));

    assertThat(last.items()).containsExactly(all.get(6));
    assertThat(last.nextCursor()).isEmpty();
    assertThat(beyond.items()).isEmpty();
    assertThat(beyond.totalItemCount()).isEqualTo(7);
    assertThat(beyond.currentPage()).isEqualTo(4);
    assertThat(beyond.nextCursor()).isEmpty();
  }

  @Test
  void givenExactlyTwoPagesOfTemplates_listWithCursors_hasNoCursorOnTheSecondPage() {
    for (int i = 0; i < 6; i++) {
      stored(aTemplate().createdAt(at(i)));
    }

    Page<Template> first = listAll(PageRequest.first(3));
    Page<Template> second = listAll(PageRequest.after(first.nextCursor().orElseThrow(), 3));

    assertThat(first.items()).hasSize(3);
    assertThat(second.items()).hasSize(3).doesNotContainAnyElementsOf(first.items());
    assertThat(second.nextCursor()).isEmpty();
    assertThat(second.totalItemCount()).isEqualTo(6);
  }

  @Test
  void givenTemplatesWithTiedCreationTimes_walkWithCursors_returnsEveryTemplateOnceInOrder() {
    var all = new ArrayList<Template>();
    for (int i = 0; i < 23; i++) {
      // Groups of three share a timestamp, so the cursor's id part is exercised.
      all.add(stored(aTemplate().createdAt(at(i / 3))));
    }
    all.sort(Comparator.comparing(Template::createdAt).thenComparing(Template::id));

    List<Template> walked = walkWithCursors(this::listAll, 4, () -> {});

    assertThat(walked).containsExactlyElementsOf(all);
  }

  @Test
  void givenTemplatesInTwoAccounts_walkOneAccountWithCursors_returnsOnlyItsTemplates() {
    var mine = new ArrayList<Template>();
    for (int i = 0; i < 10; i++) {
      mine.add(stored(aTemplate().createdAt(at(i))));
      stored(aTemplate().withAccountId(OTHER_ACCOUNT).createdAt(at(i)));
    }

    List<Template> walked =
        walkWithCursors(p -> list(Optional.of(TestTemplates.ACCOUNT), p), 3, () -> {});

    assertThat(walked).containsExactlyElementsOf(mine);
  }

  @Test
  void givenConcurrentInserts_walkWithCursors_returnsEveryExistingTemplateExactlyOnce()
      throws Exception {
    int existing = 60;
    Set<String> before = new HashSet<>();
    for (int i = 0; i < existing; i++) {
      before.add(stored(aTemplate().createdAt(at(i * 2L))).id());
    }

    List<Template> walked =
        walkWhileInserting(
            this::listAll,
            7,
            3,
            40,
            n ->
                templates.insert(
                    aTemplate().createdAt(at((n * 7L) % (existing * 2L + 10))).build()));

    List<String> walkedIds = ids(walked, Template::id);
    assertThat(walkedIds).doesNotHaveDuplicates();
    assertThat(walkedIds.stream().filter(before::contains)).hasSize(existing);
    assertThat(walked)
        .isSortedAccordingTo(Comparator.comparing(Template::createdAt).thenComparing(Template::id));
  }
}
