package org.modelregistry.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.modelregistry.adapter.http.WorkspaceReplies.assertConforms;
import static org.modelregistry.adapter.http.WorkspaceReplies.locs;
import static org.modelregistry.adapter.http.WorkspaceReplies.names;

import com.networknt.schema.SchemaRegistry;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.modelregistry.adapter.http.ApiFixture.Reply;
import org.modelregistry.ports.out.memory.InMemoryExternalFileSource;
import tools.jackson.databind.JsonNode;

/** The fileset routes, {@code /apis/files/v2/workspaces/{workspace}/filesets}. */
class FilesetRoutesTest {

  private static final String FILESETS = "/apis/files/v2/workspaces/team/filesets";
  private static final String MODELS = "/apis/models/v2/workspaces/team/models";

  private ApiFixture api;

  @BeforeEach
  void start() {
    api = ApiFixture.start();
  }

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void create_get_delete_roundTrip() {
    Reply created =
        api.post(
            FILESETS,
            """
            {"name": "train-data.v1", "description": "rows", "project": "p", "purpose": "dataset",
             "metadata": {"dataset": {"schema": {"type": "object"}}},
             "custom_fields": {"owner": "me", "n": 3}}
            """);

    assertThat(created.status()).as(created.body()).isEqualTo(201);
    JsonNode body = created.json();
    assertThat(body.get("id").stringValue()).isEqualTo("team/train-data.v1");
    assertThat(body.get("name").stringValue()).isEqualTo("train-data.v1");
    assertThat(body.get("workspace").stringValue()).isEqualTo("team");
    assertThat(body.get("description").stringValue()).isEqualTo("rows");
    assertThat(body.get("project").stringValue()).isEqualTo("p");
    assertThat(body.get("purpose").stringValue()).isEqualTo("dataset");
    assertThat(body.get("storage").get("type").stringValue()).isEqualTo("local");
    assertThat(body.get("metadata"))
        .isEqualTo(ApiFixture.json("{\"dataset\": {\"schema\": {\"type\": \"object\"}}}"));
    assertThat(body.get("custom_fields"))
        .isEqualTo(ApiFixture.json("{\"owner\": \"me\", \"n\": 3}"));
    assertThat(body.get("created_at").stringValue()).matches("\\d{4}-.*\\.\\d{6}Z");

    Reply fetched = api.get(FILESETS + "/train-data.v1");
    assertThat(fetched.status()).isEqualTo(200);
    assertThat(fetched.json()).isEqualTo(body);

    Reply deleted = api.delete(FILESETS + "/train-data.v1");
    assertThat(deleted.status()).isEqualTo(200);
    assertThat(deleted.json()).isEqualTo(body);
    assertThat(api.get(FILESETS + "/train-data.v1").status()).isEqualTo(404);
  }

  @Test
  void minimal_defaultsToGenericInTheRegistryStore() {
    Reply created = api.post(FILESETS, "{\"name\": \"f\"}");

    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json().get("purpose").stringValue()).isEqualTo("generic");
    assertThat(created.json().get("storage").get("type").stringValue()).isEqualTo("local");
    assertThat(created.json().get("metadata").size()).isZero();
  }

  @Test
  void duplicateName_is409() {
    create("{\"name\": \"f\"}");

    Reply again = api.post(FILESETS, "{\"name\": \"f\"}");

    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().get("detail").stringValue()).contains("f");
  }

  @Test
  void badName_is422AtBodyName() {
    Reply pattern = api.post(FILESETS, "{\"name\": \"bad name!\"}");
    Reply missing = api.post(FILESETS, "{}");

    assertThat(pattern.status()).isEqualTo(422);
    assertThat(locs(pattern)).contains(List.of("body", "name"));
    assertThat(missing.status()).isEqualTo(422);
    assertThat(locs(missing)).contains(List.of("body", "name"));
  }

  @Test
  void badFields_are422AtBody() {
    Reply reply =
        api.post(
            FILESETS,
            """
            {"name": "f", "purpose": "magic", "description": "%s",
             "storage": {"type": "s3", "bucket": "B!", "access_key_id_secret": "Not A Ref"}}
            """
                .formatted("x".repeat(256)));

    assertThat(reply.status()).isEqualTo(422);
    assertThat(locs(reply)).contains(List.of("body", "purpose"), List.of("body", "description"));
    assertThat(locs(reply).stream().anyMatch(l -> l.size() > 2 && l.get(1).equals("storage")))
        .as(reply.body())
        .isTrue();
  }

  @Test
  void unknownFileset_is404OnEveryRoute() {
    assertThat(api.get(FILESETS + "/nope").status()).isEqualTo(404);
    assertThat(api.patch(FILESETS + "/nope", "{}").status()).isEqualTo(404);
    assertThat(api.delete(FILESETS + "/nope").status()).isEqualTo(404);
  }

  @Test
  void badPathSegment_is422AtPath() {
    Reply reply = api.get(FILESETS + "/a%20b");

    assertThat(reply.status()).isEqualTo(422);
    assertThat(locs(reply)).contains(List.of("path", "name"));
  }

  @Test
  void list_pagesAndSorts() {
    create("{\"name\": \"b\"}");
    create("{\"name\": \"a\"}");
    create("{\"name\": \"c\"}");

    Reply first = api.get(FILESETS + "?page=1&page_size=2&sort=name");
    Reply second = api.get(FILESETS + "?page=2&page_size=2&sort=name");
    Reply byDefault = api.get(FILESETS);

    assertThat(first.status()).isEqualTo(200);
    assertThat(names(first)).containsExactly("a", "b");
    assertThat(first.json().get("pagination"))
        .isEqualTo(
            ApiFixture.json(
                """
                {"page": 1, "page_size": 2, "current_page_size": 2, "total_pages": 2,
                 "total_results": 3}
                """));
    assertThat(first.json().get("sort").stringValue()).isEqualTo("name");
    assertThat(first.json().get("filter").isObject()).isTrue();
    assertThat(names(second)).containsExactly("c");
    assertThat(names(byDefault)).containsExactly("c", "a", "b");
    assertThat(byDefault.json().get("sort").stringValue()).isEqualTo("-created_at");
    assertThat(names(api.get(FILESETS + "?sort=created_at"))).containsExactly("b", "a", "c");
    assertThat(names(api.get(FILESETS + "?sort=-name"))).containsExactly("c", "b", "a");
  }

  @Test
  void list_emptyWorkspace_hasZeroPages() {
    Reply reply = api.get("/apis/files/v2/workspaces/empty/filesets");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().get("data").size()).isZero();
    assertThat(reply.json().get("pagination").get("total_pages").intValue()).isZero();
  }

  @Test
  void list_badParameters_are422AtQuery() {
    Reply reply = api.get(FILESETS + "?page=0&page_size=1001&sort=updated_at&filter[color]=red");

    assertThat(reply.status()).isEqualTo(422);
    assertThat(locs(reply))
        .contains(
            List.of("query", "page"),
            List.of("query", "page_size"),
            List.of("query", "sort"),
            List.of("query", "filter[color]"));
  }

  @Test
  void list_filters() {
    create("{\"name\": \"a\", \"purpose\": \"dataset\"}");
    create("{\"name\": \"b\", \"storage\": {\"type\": \"huggingface\", \"repo_id\": \"org/m\"}}");
    create("{\"name\": \"c\", \"purpose\": \"dataset\", \"description\": \"d\"}");

    assertThat(names(api.get(FILESETS + "?sort=name&filter[purpose]=dataset")))
        .containsExactly("a", "c");
    assertThat(names(api.get(FILESETS + "?filter[storage_type]=huggingface"))).containsExactly("b");
    assertThat(names(api.get(FILESETS + "?filter[name]=c"))).containsExactly("c");
    assertThat(api.get(FILESETS + "?filter[purpose]=magic").status()).isEqualTo(422);
  }

  @Test
  void patch_changesOnlyTheGivenFields() {
    create("{\"name\": \"f\", \"description\": \"old\", \"project\": \"p\"}");

    Reply patched =
        api.patch(
            FILESETS + "/f",
            "{\"description\": \"new\", \"purpose\": \"model\", \"custom_fields\": {\"k\": true}}");

    assertThat(patched.status()).as(patched.body()).isEqualTo(200);
    JsonNode body = patched.json();
    assertThat(body.get("description").stringValue()).isEqualTo("new");
    assertThat(body.get("project").stringValue()).isEqualTo("p");
    assertThat(body.get("purpose").stringValue()).isEqualTo("model");
    assertThat(body.get("custom_fields")).isEqualTo(ApiFixture.json("{\"k\": true}"));
    assertThat(api.get(FILESETS + "/f").json()).isEqualTo(body);
    assertThat(api.patch(FILESETS + "/f", "{\"purpose\": \"magic\"}").status()).isEqualTo(422);
  }

  @Test
  void delete_whileAModelUsesTheFileset_is409() {
    create("{\"name\": \"weights\", \"purpose\": \"model\"}");
    Reply model = api.post(MODELS, "{\"name\": \"m\", \"fileset\": \"team/weights\"}");
    assertThat(model.status()).as(model.body()).isEqualTo(201);

    Reply refused = api.delete(FILESETS + "/weights");

    assertThat(refused.status()).isEqualTo(409);
    assertThat(api.get(FILESETS + "/weights").status()).isEqualTo(200);
    assertThat(api.delete(MODELS + "/m").status()).isEqualTo(204);
    assertThat(api.delete(FILESETS + "/weights").status()).isEqualTo(200);
  }

  @Test
  void storageSecrets_areEchoedAsReferencesOnly() {
    Reply s3 =
        api.post(
            FILESETS,
            """
            {"name": "s3-set", "storage": {"type": "s3", "bucket": "my-bucket", "prefix": "a/b",
             "region": "eu-west-1", "endpoint_url": "https://minio.example",
             "access_key_id_secret": "team/aws-id", "secret_access_key_secret": "aws-key"}}
            """);
    Reply hf =
        api.post(
            FILESETS,
            """
            {"name": "hf-set", "storage": {"type": "huggingface", "repo_id": "meta/llama",
             "token_secret": "hf-token"}}
            """);
    Reply halfCredentials =
        api.post(
            FILESETS,
            "{\"name\": \"x\", \"storage\": {\"bucket\": \"bkt\", \"access_key_id_secret\": \"i\"}}");
    Reply ngc =
        api.post(
            FILESETS,
            """
            {"name": "y", "storage": {"type": "ngc", "org": "o", "team": "t", "target": "x",
             "api_key_secret": "k"}}
            """);

    assertThat(s3.status()).as(s3.body()).isEqualTo(201);
    assertThat(s3.json().get("storage"))
        .isEqualTo(
            ApiFixture.json(
                """
                {"type": "s3", "bucket": "my-bucket", "prefix": "a/b", "region": "eu-west-1",
                 "endpoint_url": "https://minio.example", "access_key_id_secret": "team/aws-id",
                 "secret_access_key_secret": "aws-key"}
                """));
    assertThat(hf.status()).as(hf.body()).isEqualTo(201);
    // Creation pins the default revision "main" to the commit the source resolves it to.
    assertThat(hf.json().get("storage"))
        .isEqualTo(
            ApiFixture.json(
                """
                {"type": "huggingface", "repo_id": "meta/llama", "revision": "%s",
                 "endpoint": "https://huggingface.co", "token_secret": "hf-token"}
                """
                    .formatted(InMemoryExternalFileSource.COMMIT)));
    assertThat(api.get(FILESETS + "/s3-set").json()).isEqualTo(s3.json());
    assertThat(halfCredentials.status()).isEqualTo(422);
    assertThat(ngc.status()).isEqualTo(422);
    assertThat(locs(ngc)).contains(List.of("body", "storage", "type"));
  }

  @Test
  void responses_conformToTheReferenceSchemas() {
    Reply full =
        api.post(
            FILESETS,
            """
            {"name": "full", "description": "d", "project": "p", "purpose": "model",
             "storage": {"type": "s3", "bucket": "bkt", "access_key_id_secret": "a",
             "secret_access_key_secret": "b"}}
            """);
    Reply minimal = api.post(FILESETS, "{\"name\": \"minimal\"}");
    Reply hf = api.post(FILESETS, "{\"name\": \"hf\", \"storage\": {\"repo_id\": \"org/name\"}}");
    Reply patched = api.patch(FILESETS + "/minimal", "{\"description\": \"now\"}");
    Reply invalid = api.post(FILESETS, "{\"name\": 7}");

    SchemaRegistry registry = ReferenceSchemas.newRegistry(true);
    assertConforms(registry, "FilesetOutput", full.json());
    assertConforms(registry, "FilesetOutput", minimal.json());
    assertConforms(registry, "FilesetOutput", hf.json());
    assertConforms(registry, "FilesetOutput", patched.json());
    assertConforms(registry, "FilesetOutput", api.get(FILESETS + "/full").json());
    assertConforms(registry, "FilesetOutputsPage", api.get(FILESETS).json());
    assertConforms(registry, "HTTPValidationError", invalid.json());
  }

  private void create(String json) {
    Reply reply = api.post(FILESETS, json);
    if (reply.status() != 201) {
      throw new AssertionError("create failed: " + reply.status() + " " + reply.body());
    }
  }
}
