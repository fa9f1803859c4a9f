package org.modelregistry.application.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.modelregistry.application.workspace.CreateModelEntityServiceTest.paths;
import static org.modelregistry.application.workspace.WorkspaceServices.T0;
import static org.modelregistry.application.workspace.WorkspaceServices.USER;
import static org.modelregistry.application.workspace.WorkspaceServices.WS;
import static org.modelregistry.application.workspace.WorkspaceServices.filesetRef;
import static org.modelregistry.application.workspace.WorkspaceServices.modelRef;
import static org.modelregistry.application.workspace.WorkspaceServices.name;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.modelregistry.domain.error.ConflictException;
import org.modelregistry.domain.error.NotFoundException;
import org.modelregistry.domain.error.ValidationException;
import org.modelregistry.domain.workspace.AdapterPatch;
import org.modelregistry.domain.workspace.FilesetRef;
import org.modelregistry.domain.workspace.FinetuningType;
import org.modelregistry.domain.workspace.LoraConfig;
import org.modelregistry.domain.workspace.ModelAdapter;
import org.modelregistry.domain.workspace.ModelEntity;
import org.modelregistry.ports.in.workspace.NewModelAdapter;

/**
 * {@link AddModelAdapterService}, {@link UpdateModelAdapterService}, {@link
 * DeleteModelAdapterService}.
 */
class ModelAdapterServicesTest {

  private final WorkspaceServices services = new WorkspaceServices();

  @BeforeEach
  void aModelAndTwoFilesets() {
    services.model("m1");
    services.fileset("lora-a", null);
    services.fileset("lora-b", null);
  }

  private static NewModelAdapter adapter(String name, FilesetRef fileset) {
    return new NewModelAdapter(
        name(name), "an adapter", fileset, FinetuningType.LORA, null, new LoraConfig(8, 16));
  }

  @Test
  void givenAnExistingFileset_add_appendsTheAdapterEnabledAndStampedNow() {
    services.clock.advanceSeconds(5);

    ModelEntity next =
        services.addAdapter.add(USER, modelRef("m1"), adapter("a1", filesetRef("lora-a")));

    ModelAdapter added = next.adapter(name("a1"));
    assertThat(added.enabled()).isTrue();
    assertThat(added.fileset()).isEqualTo(filesetRef("lora-a"));
    assertThat(added.createdAt()).isEqualTo(T0.plusSeconds(5));
    assertThat(next.updatedAt()).isEqualTo(T0.plusSeconds(5));
    assertThat(services.models.find(WS, name("m1")).orElseThrow().adapters())
        .containsExactly(added);
  }

  @Test
  void givenAMissingFileset_add_isAViolationAtFileset() {
    assertThatThrownBy(
            () -> services.addAdapter.add(USER, modelRef("m1"), adapter("a1", filesetRef("nope"))))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> assertThat(paths(e)).containsExactly(List.of("fileset")));
    assertThat(services.models.find(WS, name("m1")).orElseThrow().adapters()).isEmpty();
  }

  @Test
  void givenMissingRequiredFields_add_namesThem() {
    var incomplete = new NewModelAdapter(name("a1"), null, null, null, null, null);

    assertThatThrownBy(() -> services.addAdapter.add(USER, modelRef("m1"), incomplete))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(paths(e))
                    .containsExactlyInAnyOrder(List.of("fileset"), List.of("finetuning_type")));
  }

  @Test
  void givenATakenAdapterName_add_isAConflict() {
    services.addAdapter.add(USER, modelRef("m1"), adapter("a1", filesetRef("lora-a")));

    assertThatThrownBy(
            () ->
                services.addAdapter.add(USER, modelRef("m1"), adapter("a1", filesetRef("lora-b"))))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void givenNoSuchModel_add_isNotFound() {
    assertThatThrownBy(
            () ->
                services.addAdapter.add(
                    USER, modelRef("nope"), adapter("a1", filesetRef("lora-a"))))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void givenAPatch_update_changesTheAdapterAndKeepsTheRest() {
    services.addAdapter.add(USER, modelRef("m1"), adapter("a1", filesetRef("lora-a")));
    services.clock.advanceSeconds(10);

    ModelEntity next =
        services.updateAdapter.update(
            USER, modelRef("m1"), name("a1"), new AdapterPatch(null, false, filesetRef("lora-b")));

    ModelAdapter updated = next.adapter(name("a1"));
    assertThat(updated.enabled()).isFalse();
    assertThat(updated.fileset()).isEqualTo(filesetRef("lora-b"));
    assertThat(updated.description()).isEqualTo("an adapter");
    assertThat(updated.createdAt()).isEqualTo(T0);
    assertThat(updated.updatedAt()).isEqualTo(T0.plusSeconds(10));
    assertThat(services.models.find(WS, name("m1")).orElseThrow()).isEqualTo(next);
  }

  @Test
  void givenAMissingFileset_update_isAViolationAtFileset() {
    services.addAdapter.add(USER, modelRef("m1"), adapter("a1", filesetRef("lora-a")));

    assertThatThrownBy(
            () ->
                services.updateAdapter.update(
                    USER,
                    modelRef("m1"),
                    name("a1"),
                    new AdapterPatch(null, null, filesetRef("nope"))))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> assertThat(paths(e)).containsExactly(List.of("fileset")));
  }

  @Test
  void givenNoSuchAdapter_updateAndDelete_areNotFound() {
    assertThatThrownBy(
            () ->
                services.updateAdapter.update(
                    USER, modelRef("m1"), name("nope"), new AdapterPatch("x", null, null)))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> services.deleteAdapter.delete(USER, modelRef("m1"), name("nope")))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void givenNoSuchModel_updateAndDelete_areNotFound() {
    assertThatThrownBy(
            () ->
                services.updateAdapter.update(
                    USER, modelRef("nope"), name("a1"), new AdapterPatch("x", null, null)))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> services.deleteAdapter.delete(USER, modelRef("nope"), name("a1")))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void givenAnAdapter_delete_removesItAndFreesItsFileset() {
    services.addAdapter.add(USER, modelRef("m1"), adapter("a1", filesetRef("lora-a")));
    services.addAdapter.add(USER, modelRef("m1"), adapter("a2", filesetRef("lora-b")));

    ModelEntity next = services.deleteAdapter.delete(USER, modelRef("m1"), name("a1"));

    assertThat(next.adapters()).extracting(a -> a.name().value()).containsExactly("a2");
    assertThat(services.models.find(WS, name("m1")).orElseThrow()).isEqualTo(next);
    services.deleteFileset.delete(USER, filesetRef("lora-a"));
    assertThat(services.filesets.find(WS, name("lora-a"))).isEmpty();
  }
}
