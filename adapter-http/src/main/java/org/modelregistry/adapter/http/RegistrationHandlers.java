package org.modelregistry.adapter.http;

import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.HttpStatus;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.modelregistry.domain.error.ValidationException;
import org.modelregistry.domain.error.Violation;
import org.modelregistry.domain.identity.Actor;
import org.modelregistry.domain.identity.Caller;
import org.modelregistry.domain.naming.ResourceName;
import org.modelregistry.domain.registration.ImportState;
import org.modelregistry.domain.registration.ModelKind;
import org.modelregistry.domain.registration.RegisteredModel;
import org.modelregistry.domain.registration.Registration;
import org.modelregistry.domain.registration.RegistrationDocuments;
import org.modelregistry.domain.registration.RegistrationUpdate;
import org.modelregistry.domain.registration.VersionName;
import org.modelregistry.domain.registration.Visibility;
import org.modelregistry.ports.in.RegistrationUseCases;
import org.modelregistry.ports.in.registration.GetRegisteredModelUseCase;
import org.modelregistry.ports.in.registration.ModelVersionRef;
import org.modelregistry.ports.in.registration.RegisteredModelQuery;
import org.modelregistry.ports.paging.PageRequest;

/**
 * The registration routes ({@code /api/v1.0/model...}, {@code /api/add_models}): parse the path,
 * the query and the body with the domain's rules, call a use case, render the version's public
 * document. Every route refuses query parameters it does not know.
 */
final class RegistrationHandlers {

  static final String NAME = "name";
  static final String VERSION = "version";
  static final String OWNER = "owner";

  /** The largest page of this family's lists. */
  static final int MAX_LIMIT = 1000;

  private static final String WAIT = "wait";
  private static final String TIMEOUT = "timeout";
  private static final Set<String> WAIT_PARAMS = Set.of(WAIT, TIMEOUT);
  private static final Set<String> VERSIONS_PARAMS = Set.of("page", "limit", "cursor", OWNER);
  private static final Set<String> LIST_PARAMS =
      Set.of("page", "limit", "cursor", OWNER, "type", "visibility", "name_prefix");
  private static final Map<String, ModelKind> KINDS = byWireName(ModelKind.values(), Enum::name);
  private static final Map<String, Visibility> VISIBILITIES =
      byWireName(Visibility.values(), v -> v.name().toLowerCase(Locale.ROOT));

  private final RegistrationUseCases useCases;
  private final JsonBodyReader reader;
  private final JsonCodec codec;
  private final IdentitySource identities;

  RegistrationHandlers(
      RegistrationUseCases useCases,
      JsonBodyReader reader,
      JsonCodec codec,
      IdentitySource identities) {
    this.useCases = useCases;
    this.reader = reader;
    this.codec = codec;
    this.identities = identities;
  }

  /** {@code PUT /api/v1.0/model/{name}/{version}}. */
  void register(Context ctx) {
    QueryParams query = new QueryParams(ctx);
    query.allowOnly(WAIT_PARAMS);
    Wait wait = Wait.read(query);
    Map<String, Object> body = body(ctx);
    Registration registration =
        query.alongside(
            () ->
                withPathParamsLocated(
                    () ->
                        RegistrationDocuments.readRegistration(
                            ctx.pathParam(NAME), ctx.pathParam(VERSION), body)));
    query.throwIfAny();
    answerRegistered(ctx, registration, wait);
  }

  /** {@code POST /api/add_models}: the older body, with name and version inside it. */
  void registerLegacy(Context ctx) {
    QueryParams query = new QueryParams(ctx);
    query.allowOnly(WAIT_PARAMS);
    Wait wait = Wait.read(query);
    Map<String, Object> body = body(ctx);
    Registration registration =
        query.alongside(() -> RegistrationDocuments.readLegacyRegistration(body));
    query.throwIfAny();
    answerRegistered(ctx, registration, wait);
  }

  /**
   * {@code GET /api/v1.0/model/{name}/{version}} and {@code .../{owner}}; with {@code wait=true}
   * the answer comes once the import ended or {@code timeout} seconds passed (at once to anonymous
   * readers).
   */
  void get(Context ctx) {
    QueryParams query = new QueryParams(ctx);
    query.allowOnly(WAIT_PARAMS);
    Wait wait = Wait.read(query);
    Optional<String> owner =
        ctx.pathParamMap().containsKey(OWNER)
            ? Optional.ofNullable(query.pathParam(OWNER, RegistrationHandlers::ownerId))
            : Optional.empty();
    ModelVersionRef ref = ref(query, owner);
    query.throwIfAny();
    Caller viewer = identities.callerOf(ctx);
    // Anonymous readers are not held: a request without a key must not tie up the server a minute.
    RegisteredModel model =
        wait.requested() && !viewer.isAnonymous()
            ? useCases.get().await(viewer, ref, wait.timeout())
            : useCases.get().get(viewer, ref);
    ctx.json(RegistrationDocuments.writePublic(model));
  }

  /** {@code GET /api/v1.0/model/{name}}: the versions of one name visible to the caller. */
  void versions(Context ctx) {
    QueryParams query = new QueryParams(ctx);
    query.allowOnly(VERSIONS_PARAMS);
    ResourceName name = query.pathParam(NAME, ResourceName::new);
    Optional<String> owner = ownerParam(query);
    PageRequest page = query.page(false, MAX_LIMIT);
    query.throwIfAny();
    RegisteredModelQuery versions =
        new RegisteredModelQuery(
            identities.callerOf(ctx),
            Optional.empty(),
            Optional.empty(),
            owner,
            Optional.of(name),
            Optional.empty(),
            page);
    ctx.json(RegisteredModelPage.from(useCases.list().list(versions)));
  }

  /** {@code GET /api/v1.0/models}: every version visible to the caller, filtered. */
  void list(Context ctx) {
    QueryParams query = new QueryParams(ctx);
    query.allowOnly(LIST_PARAMS);
    Optional<ModelKind> type = query.choice("type", KINDS);
    Optional<Visibility> visibility = query.choice("visibility", VISIBILITIES);
    Optional<String> owner = ownerParam(query);
    // A prefix of a name is itself made of a name's characters, so the name rule checks it.
    Optional<String> namePrefix =
        query
            .parsed(
                query.nonEmpty("name_prefix", ResourceName.MAX_LENGTH),
                "name_prefix",
                ResourceName::new)
            .map(ResourceName::value);
    PageRequest page = query.page(false, MAX_LIMIT);
    query.throwIfAny();
    RegisteredModelQuery models =
        new RegisteredModelQuery(
            identities.callerOf(ctx), type, visibility, owner, Optional.empty(), namePrefix, page);
    ctx.json(RegisteredModelPage.from(useCases.list().list(models)));
  }

  /**
   * {@code PATCH /api/v1.0/model/{name}/{version}[?owner=]}: visibility, description, metainfo. The
   * owner names another's version, which only administrators may change.
   */
  void update(Context ctx) {
    QueryParams query = new QueryParams(ctx);
    query.allowOnly(Set.of(OWNER));
    ModelVersionRef ref = ref(query, ownerParam(query));
    Map<String, Object> body = body(ctx);
    RegistrationUpdate update = query.alongside(() -> RegistrationDocuments.readUpdate(body));
    query.throwIfAny();
    RegisteredModel updated = useCases.update().update(identities.callerOf(ctx), ref, update);
    ctx.json(RegistrationDocuments.writePublic(updated));
  }

  /**
   * {@code DELETE /api/v1.0/model/{name}/{version}[?owner=]}: 204, the version and its files gone.
   * The owner names another's version, which only administrators may delete.
   */
  void delete(Context ctx) {
    QueryParams query = new QueryParams(ctx);
    query.allowOnly(Set.of(OWNER));
    ModelVersionRef ref = ref(query, ownerParam(query));
    query.throwIfAny();
    useCases.delete().delete(identities.callerOf(ctx), ref);
    ctx.status(HttpStatus.NO_CONTENT);
  }

  /**
   * The version the path's {@code name} and {@code version} address, of {@code owner} when given.
   * Null when either is invalid; the violations are recorded in {@code query}.
   */
  static ModelVersionRef ref(QueryParams query, Optional<String> owner) {
    ResourceName name = query.pathParam(NAME, ResourceName::new);
    VersionName version = query.pathParam(VERSION, VersionName::new);
    return name == null || version == null ? null : new ModelVersionRef(name, version, owner);
  }

  /** The {@code owner} query parameter: a user id that names another's version, when given. */
  static Optional<String> ownerParam(QueryParams query) {
    return query.nonEmpty(OWNER, Actor.MAX_USER_ID_LENGTH);
  }

  /** An owner as the path names it: a user id (not blank, at most 255 characters). */
  static String ownerId(String text) {
    if (text == null || text.isBlank()) {
      throw ValidationException.of("owner must not be empty", "string_too_short");
    }
    if (text.length() > Actor.MAX_USER_ID_LENGTH) {
      throw ValidationException.of(
          "owner must be at most " + Actor.MAX_USER_ID_LENGTH + " characters", "string_too_long");
    }
    return text;
  }

  private void answerRegistered(Context ctx, Registration registration, Wait wait) {
    Caller caller = identities.callerOf(ctx);
    RegisteredModel model = useCases.register().register(caller, registration);
    if (wait.requested()) {
      ModelVersionRef own =
          new ModelVersionRef(model.name(), model.version(), Optional.of(model.ownerId()));
      model = useCases.get().await(caller, own, wait.timeout());
    }
    ctx.header(Header.LOCATION, "/api/v1.0/model/" + model.name() + "/" + model.version());
    // 201 once the version exists for good (READY or FAILED); 202 while its files still copy.
    ctx.status(model.state() == ImportState.IMPORTING ? HttpStatus.ACCEPTED : HttpStatus.CREATED);
    ctx.json(RegistrationDocuments.writePublic(model));
  }

  private Map<String, Object> body(Context ctx) {
    return codec.toPlainMap(reader.read(ctx));
  }

  /**
   * The domain reports a PUT's name and version at {@code ["name"]} and {@code ["version"]}; on the
   * wire they are path parameters.
   */
  private static <T> T withPathParamsLocated(Supplier<T> work) {
    try {
      return work.get();
    } catch (ValidationException e) {
      throw new ValidationException(
          e.violations().stream().map(RegistrationHandlers::locatePathParam).toList());
    }
  }

  private static Violation locatePathParam(Violation violation) {
    List<Object> path = violation.path();
    boolean pathParam =
        !path.isEmpty() && (NAME.equals(path.get(0)) || VERSION.equals(path.get(0)));
    return pathParam ? violation.under(List.of("path")) : violation;
  }

  /** {@code wait} and {@code timeout}: how long a request may wait for an import to end. */
  private record Wait(boolean requested, Duration timeout) {

    static Wait read(QueryParams query) {
      int most = (int) GetRegisteredModelUseCase.MAX_WAIT.toSeconds();
      boolean requested = query.flag(WAIT);
      int seconds = query.integerBetween(TIMEOUT, 1, most, most);
      return new Wait(requested, Duration.ofSeconds(seconds));
    }
  }

  /** The values by the names the query uses for them, in declaration order. */
  private static <E extends Enum<E>> Map<String, E> byWireName(
      E[] values, Function<E, String> wireName) {
    Map<String, E> result = new LinkedHashMap<>();
    Arrays.stream(values).forEach(v -> result.put(wireName.apply(v), v));
    return Collections.unmodifiableMap(result);
  }
}
