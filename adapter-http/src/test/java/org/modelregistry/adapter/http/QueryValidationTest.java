package org.modelregistry.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.modelregistry.adapter.http.ApiFixture.json;
import static org.modelregistry.adapter.http.BodyValidationTest.locsAndTypes;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.modelregistry.adapter.http.ApiFixture.Reply;

/** Bad query parameters answer 422 at ["query", name], all of them at once. */
class QueryValidationTest {

  private ApiFixture api;

  @BeforeEach
  void start() {
    api = ApiFixture.start();
  }

  @AfterEach
  void stop() {
    api.close();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "page=0, query.page:greater_than_equal",
    "page=-3, query.page:greater_than_equal",
    "page=x, query.page:int_parsing",
    "page=1.5, query.page:int_parsing",
    "page=, query.page:int_parsing",
    "limit=0, query.limit:greater_than_equal",
    "limit=10001, query.limit:less_than_equal",
    "limit=abc, query.limit:int_parsing",
    "limit=99999999999, query.limit:int_parsing",
    "cursor=not-a-cursor, query.cursor:value_error",
    "cursor=, query.cursor:value_error",
  })
  void givenBadPagingParameter_listEitherResource_answers422AtThatParameter(
      String query, String expected) {
    Reply templates = api.get("/v4/model-templates?" + query);
    Reply models = api.get("/v4/models?" + query);

    assertThat(locsAndTypes(templates)).containsExactly(expected);
    assertThat(locsAndTypes(models)).containsExactly(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "model_type=TEXT, query.model_type:enum",
    "model_type=completion, query.model_type:enum",
    "sort_by=name, query.sort_by:enum",
    "sort_by=name:up, query.sort_by:enum",
    "sort_by=colour:asc, query.sort_by:enum",
    "view=Everything, query.view:enum",
    "view=deployments, query.view:enum",
  })
  void givenBadModelListParameter_listModels_answers422AtThatParameter(
      String query, String expected) {
    Reply reply = api.get("/v4/models?" + query);

    assertThat(locsAndTypes(reply)).containsExactly(expected);
  }

  @Test
  void givenBadView_getModel_answers422BeforeLookingTheModelUp() {
    Reply reply = api.get("/v4/models/nope?view=Bogus");

    assertThat(reply.status()).isEqualTo(422);
    assertThat(reply.json())
        .isEqualTo(
            json(
                """
                {"detail": [{"loc": ["query", "view"], "type": "enum",
                             "msg": "view must be one of Deployments, ModelGroup, not 'Bogus'"}]}
                """));
  }

  @Test
  void givenSeveralBadParameters_listModels_reportsAllOfThem() {
    Reply reply = api.get("/v4/models?page=0&limit=x&model_type=TEXT&sort_by=name:up&view=All");

    assertThat(reply.status()).isEqualTo(422);
    assertThat(reply.json())
        .isEqualTo(
            json(
                """
                {"detail": [
                  {"loc": ["query", "model_type"], "type": "enum",
                   "msg": "model_type must be one of COMPLETION, CHAT_COMPLETION, AGENT, EMBEDDING, RERANKING, GENERIC, BUNDLE"},
                  {"loc": ["query", "sort_by"], "type": "enum",
                   "msg": "sort_by must be <field>:asc or <field>:desc with <field> one of display_name, model_vendor, base_model_id, base_model_metadata, model_creation_parameters, model_card, training_data_card, description, model_template_id, model_group_id, model_group, request_schema, response_schema, deployment_count, supports_multi_turn, deployments, id, created_at, account_id, created_by_user_id, created_by_user, name, model_type, not 'name:up'"},
                  {"loc": ["query", "view"], "type": "enum",
                   "msg": "view must be one of Deployments, ModelGroup, not 'All'"},
                  {"loc": ["query", "limit"], "type": "int_parsing", "msg": "limit must be an integer"},
                  {"loc": ["query", "page"], "type": "greater_than_equal", "msg": "page must be at least 1"}]}
                """));
  }

  @Test
  void givenCursorWithPageOtherThanOne_list_answers422AtCursor() {
    String cursor = cursorAfterFirstOfTwoTemplates();

    Reply reply = api.get("/v4/model-templates?limit=1&page=2&cursor=" + cursor);
    Reply pageOne = api.get("/v4/model-templates?limit=1&page=1&cursor=" + cursor);

    assertThat(reply.json())
        .isEqualTo(
            json(
                """
                {"detail": [{"loc": ["query", "cursor"], "type": "value_error",
                             "msg": "cursor cannot be combined with a page other than 1"}]}
                """));
    assertThat(pageOne.status()).isEqualTo(200);
  }

  @Test
  void givenCursorWithSortBy_listModels_answers422AtCursor() {
    api.createModel(Bodies.model("a"));
    api.createModel(Bodies.model("b"));
    String cursor = api.get("/v4/models?limit=1").json().get("next_cursor").stringValue();

    Reply reply = api.get("/v4/models?limit=1&sort_by=name:asc&cursor=" + cursor);

    assertThat(reply.json())
        .isEqualTo(
            json(
                """
                {"detail": [{"loc": ["query", "cursor"], "type": "value_error",
                             "msg": "cursor paging cannot be combined with sort_by"}]}
                """));
  }

  @Test
  void givenLimitAtItsBounds_list_isAccepted() {
    assertThat(api.get("/v4/models?limit=1").status()).isEqualTo(200);
    assertThat(api.get("/v4/models?limit=10000").status()).isEqualTo(200);
    assertThat(api.get("/v4/model-templates?limit=10000&page=3").json().get("current_page").asInt())
        .isEqualTo(3);
  }

  @Test
  void givenEveryReferenceSortValue_listModels_acceptsIt() {
    api.createModel(Bodies.model("a"));
    for (String field : SortBy.FIELDS) {
      for (String direction : new String[] {"asc", "desc"}) {
        Reply reply = api.get("/v4/models?sort_by=" + field + ":" + direction);

        assertThat(reply.status()).as(field + ":" + direction).isEqualTo(200);
      }
    }
  }

  private String cursorAfterFirstOfTwoTemplates() {
    api.createTemplate(Bodies.template("a"));
    api.createTemplate(Bodies.template("b"));
    return api.get("/v4/model-templates?limit=1").json().get("next_cursor").stringValue();
  }
}
