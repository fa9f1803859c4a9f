package org.modelregistry.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.modelregistry.adapter.persistence.jooq.Tables.FILESETS;
import static org.modelregistry.adapter.persistence.jooq.Tables.MODEL_ENTITIES;
import static org.modelregistry.adapter.persistence.jooq.Tables.MODEL_ENTITY_ADAPTERS;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modelregistry.domain.registration.Secret;
import org.modelregistry.domain.workspace.ApiEndpoint;
import org.modelregistry.domain.workspace.EntityName;
import org.modelregistry.domain.workspace.Fileset;
import org.modelregistry.domain.workspace.FilesetRef;
import org.modelregistry.domain.workspace.FinetuningType;
import org.modelregistry.domain.workspace.LoraConfig;
import org.modelregistry.domain.workspace.ModelAdapter;
import org.modelregistry.domain.workspace.ModelEntity;
import org.modelregistry.domain.workspace.ModelEntityDefinition;
import org.modelregistry.domain.workspace.ModelRef;
import org.modelregistry.domain.workspace.WorkspaceName;
import org.modelregistry.ports.in.workspace.ModelEntityQuery;

/** What the SQLite rows of workspace entities hold, and how unreadable rows fail. */
class SqliteWorkspaceEntitiesTest {

  private static final WorkspaceName WS = new WorkspaceName("ws");
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final String KEY = "sk-very-secret";

  @TempDir Path dir;
  private Database database;

  @BeforeEach
  void open() {
    database = SqliteFiles.open(dir);
  }

  @AfterEach
  void close() {
    database.close();
  }

  private static ModelEntity entity(String name) {
    var definition =
        new ModelEntityDefinition(
            new EntityName(name),
            "described",
            null,
            ModelRef.parse("base/llama"),
            FinetuningType.LORA,
            null,
            FilesetRef.parse("ws/" + name + "-files"),
            List.of(),
            new ApiEndpoint("https://api.example.com/v1", "m", new Secret(KEY), null),
            null,
            false,
            null,
            null,
            null);
    var adapters =
        List.of(
            new ModelAdapter(
                new EntityName("zeta"),
                null,
                FilesetRef.parse("ws/zeta-files"),
                FinetuningType.DPO,
                false,
                new LoraConfig(4, null),
                T0,
                T0),
            new ModelAdapter(
                new EntityName("alpha"),
                null,
                FilesetRef.parse("other/alpha-files"),
                FinetuningType.LORA,
                true,
                null,
                T0,
                T0));
    return ModelEntity.reconstitute(WS, definition, adapters, T0, T0);
  }

  @Test
  void givenStoredEntity_rows_holdFilterColumnsAndOneAdapterRowPerAdapterInOrder() {
    database.modelEntities().insert(entity("m"));

    var row = database.dsl().selectFrom(MODEL_ENTITIES).fetchSingle();
    assertThat(row.getBaseModel()).isEqualTo("base/llama");
    assertThat(row.getFinetuningType()).isEqualTo("lora");
    assertThat(row.getFileset()).isEqualTo("ws/m-files");
    // The key is stored for the code that calls the endpoint; it is never shown.
    assertThat(row.getDefinition()).contains(KEY);
    assertThat(
            database
                .dsl()
                .selectFrom(MODEL_ENTITY_ADAPTERS)
                .orderBy(MODEL_ENTITY_ADAPTERS.POSITION)
                .fetch(MODEL_ENTITY_ADAPTERS.NAME))
        .containsExactly("zeta", "alpha");
    assertThat(database.modelEntities().find(WS, new EntityName("m")).orElseThrow().adapters())
        .extracting(a -> a.name().value())
        .containsExactly("zeta", "alpha");
  }

  @Test
  void givenTransactionThatFailsAfterInsert_rollback_leavesNeitherEntityNorAdapters() {
    assertThatThrownBy(
            () ->
                database
                    .transactions()
                    .inTransaction(
                        () -> {
                          database.modelEntities().insert(entity("m"));
                          throw new IllegalStateException("boom");
                        }))
        .hasMessage("boom");

    assertThat(database.modelEntities().find(WS, new EntityName("m"))).isEmpty();
    assertThat(database.dsl().fetchCount(MODEL_ENTITY_ADAPTERS)).isZero();
    assertThat(database.modelEntities().usesFileset(FilesetRef.parse("ws/zeta-files"))).isFalse();
  }

  @Test
  void givenRowWithUnreadableDefinition_findAndList_failAsCorruptWithoutTheKey() {
    database.modelEntities().insert(entity("m"));
    database
        .dsl()
        .update(MODEL_ENTITIES)
        .set(
            MODEL_ENTITIES.DEFINITION,
            "{\"api_endpoint\": {\"url\": \"ftp://nowhere\", \"api_key\": \"" + KEY + "\"}}")
        .execute();

    assertThatThrownBy(() -> database.modelEntities().find(WS, new EntityName("m")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("ws/m")
        .hasMessageContaining("cannot be read")
        .hasMessageNotContaining(KEY);
    assertThatThrownBy(() -> database.modelEntities().list(ModelEntityQuery.all(WS)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("ws/m");
  }

  @Test
  void givenRowWrittenBeforePromptCustomFieldsAndOwnership_find_readsThemAsNone() {
    database.modelEntities().insert(entity("m"));
    // The definition document as the registry wrote it before it kept these fields.
    database
        .dsl()
        .update(MODEL_ENTITIES)
        .set(MODEL_ENTITIES.DEFINITION, "{\"model_providers\": [], \"trust_remote_code\": false}")
        .execute();

    ModelEntityDefinition read =
        database.modelEntities().find(WS, new EntityName("m")).orElseThrow().definition();

    assertThat(read.prompt()).isNull();
    assertThat(read.customFields()).isEmpty();
    assertThat(read.ownership()).isEmpty();
  }

  @Test
  void givenEntityWithoutPromptCustomFieldsOrOwnership_row_leavesThemOutOfTheDefinition() {
    database.modelEntities().insert(entity("m"));

    String document = database.dsl().selectFrom(MODEL_ENTITIES).fetchSingle().getDefinition();

    assertThat(document)
        .doesNotContain("\"prompt\"")
        .doesNotContain("custom_fields")
        .doesNotContain("ownership");
  }

  @Test
  void givenRowWithAPromptOfTheWrongShape_find_failsAsCorrupt() {
    database.modelEntities().insert(entity("m"));
    database
        .dsl()
        .update(MODEL_ENTITIES)
        .set(
            MODEL_ENTITIES.DEFINITION, "{\"prompt\": {\"inference_params\": {\"temperature\": 9}}}")
        .execute();

    assertThatThrownBy(() -> database.modelEntities().find(WS, new EntityName("m")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("ws/m")
        .hasMessageContaining("temperature");
  }

  @Test
  void givenFilesetRowOfUnknownStorageType_find_failsAsCorrupt() {
    database
        .filesets()
        .insert(Fileset.create(WS, new EntityName("f"), null, null, null, null, null, null, T0));
    database.dsl().update(FILESETS).set(FILESETS.STORAGE_TYPE, "ftp").execute();

    assertThatThrownBy(() -> database.filesets().find(WS, new EntityName("f")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("ws/f")
        .hasMessageContaining("ftp");
  }
}
