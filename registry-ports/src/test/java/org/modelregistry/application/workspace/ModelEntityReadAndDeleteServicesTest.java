package org.modelregistry.application.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.modelregistry.application.workspace.WorkspaceServices.USER;
import static org.modelregistry.application.workspace.WorkspaceServices.WS;
import static org.modelregistry.application.workspace.WorkspaceServices.modelRef;
import static org.modelregistry.application.workspace.WorkspaceServices.name;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.modelregistry.domain.error.NotFoundException;
import org.modelregistry.domain.identity.Actor;
import org.modelregistry.domain.identity.Caller;
import org.modelregistry.domain.identity.IdentityType;
import org.modelregistry.domain.workspace.ModelEntity;
import org.modelregistry.domain.workspace.WorkspaceName;
import org.modelregistry.ports.in.workspace.EntitySort;
import org.modelregistry.ports.in.workspace.ModelEntityQuery;
import org.modelregistry.ports.in.workspace.PageSlice;
import org.modelregistry.ports.in.workspace.TextMatch;

/**
 * {@link GetModelEntityService}, {@link ListModelEntitiesService}, {@link
 * DeleteModelEntityService}.
 */
class ModelEntityReadAndDeleteServicesTest {

  private final WorkspaceServices services = new WorkspaceServices();

  @Test
  void givenAStoredModel_get_returnsIt() {
    ModelEntity created = services.model("m1");

    assertThat(services.getModel.get(USER, modelRef("m1"))).isEqualTo(created);
  }

  @Test
  void givenNoSuchModel_get_isNotFoundNamingIt() {
    assertThatThrownBy(() -> services.getModel.get(USER, modelRef("nope")))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("team/nope");
  }

  @Test
  void givenModelsInTwoWorkspaces_list_pagesTheQueriedWorkspaceInTheQueriedOrder() {
    services.model("b");
    services.model("a");
    services.model("c");
    services.createModel.create(
        USER, new WorkspaceName("other"), WorkspaceServices.definition("z", null, false));
    var query =
        new ModelEntityQuery(
            WS,
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            org.modelregistry.ports.in.workspace.TimeRange.ANY,
            org.modelregistry.ports.in.workspace.TimeRange.ANY,
            new EntitySort(EntitySort.Field.NAME, true),
            new PageSlice(1, 2));

    var page = services.listModels.list(USER, query);

    assertThat(page.items()).extracting(m -> m.name().value()).containsExactly("c", "b");
    assertThat(page.totalItemCount()).isEqualTo(3);
  }

  @Test
  void givenANameFilter_list_returnsOnlyMatches() {
    services.model("llama-7b");
    services.model("mistral");
    var all = ModelEntityQuery.all(WS);
    var query =
        new ModelEntityQuery(
            WS,
            Optional.of(TextMatch.equalTo("mistral")),
            all.project(),
            all.hasBaseModel(),
            all.baseModel(),
            all.finetuningType(),
            all.fileset(),
            all.description(),
            all.createdAt(),
            all.updatedAt(),
            all.sort(),
            all.page());

    assertThat(services.listModels.list(USER, query).items())
        .extracting(m -> m.name().value())
        .containsExactly("mistral");
  }

  @Test
  void givenAStoredModel_delete_removesIt() {
    services.model("m1");

    services.deleteModel.delete(USER, modelRef("m1"));

    assertThat(services.models.find(WS, name("m1"))).isEmpty();
  }

  @Test
  void givenNoSuchModel_delete_isNotFound() {
    assertThatThrownBy(() -> services.deleteModel.delete(USER, modelRef("nope")))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void givenAModelThatIsAnothersBaseModel_delete_isAConflictAndKeepsIt() {
    services.model("base");
    services.createModel.create(
        USER, WS, WorkspaceServices.definition("tuned", null, modelRef("base"), false));

    assertThatThrownBy(() -> services.deleteModel.delete(USER, modelRef("base")))
        .isInstanceOf(org.modelregistry.domain.error.ConflictException.class)
        .hasMessageContaining("team/tuned");
    assertThat(services.models.find(WS, name("base"))).isPresent();

    services.deleteModel.delete(USER, modelRef("tuned"));
    services.deleteModel.delete(USER, modelRef("base"));
    assertThat(services.models.find(WS, name("base"))).isEmpty();
  }

  @Test
  void givenABaseModelOfAModelInAnUnseenWorkspace_delete_isAConflictThatDoesNotNameIt() {
    services.model("base");
    WorkspaceName secret = new WorkspaceName("secret-team");
    // Created by someone in both workspaces; the deleting member belongs to the first only.
    services.createModel.create(
        USER, secret, WorkspaceServices.definition("hidden-tuned", null, modelRef("base"), false));
    Caller teamOnly =
        new Caller(
            Optional.of(new Actor("bob", IdentityType.USER)),
            Set.of(),
            Set.of(WS.value()),
            false,
            false);

    assertThatThrownBy(() -> services.deleteModel.delete(teamOnly, modelRef("base")))
        .isInstanceOf(org.modelregistry.domain.error.ConflictException.class)
        .hasMessageContaining("not a member")
        .hasMessageNotContaining("secret-team")
        .hasMessageNotContaining("hidden-tuned");
    assertThat(services.models.find(WS, name("base"))).isPresent();
  }
}
