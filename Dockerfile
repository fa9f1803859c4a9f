# syntax=docker/dockerfile:1
# The registry as a container: built from source in the first stage, run as a non-root user from a
# JRE in the second. Build: docker build -t model-registry .   Run: see README, "Container".

FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY . .
# Maven's downloads stay in a build cache between builds. Tests run in CI (./mvnw verify), not in
# every image build.
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -q -pl app -am -DskipTests package \
 && cp app/target/model-registry.jar /model-registry.jar

FROM eclipse-temurin:25-jre
# A fixed, unprivileged user; the data volume belongs to it.
RUN groupadd --system --gid 10001 registry \
 && useradd --system --uid 10001 --gid registry --home-dir /data --no-create-home registry \
 && mkdir -p /data \
 && chown registry:registry /data
COPY --from=build /model-registry.jar /opt/model-registry/model-registry.jar
ENV REGISTRY_HOST=0.0.0.0 \
    REGISTRY_PORT=8080 \
    REGISTRY_DATA_DIR=/data
VOLUME ["/data"]
EXPOSE 8080
USER registry:registry
WORKDIR /data
# Exec form: the JVM is PID 1 and receives SIGTERM itself, so `docker stop` lets requests in
# flight finish (--shutdown-grace-seconds, 30 s by default; give `docker stop` a longer --time).
# Heap from the container's memory limit; out of memory ends the process for the orchestrator to
# restart rather than leaving it half-alive. Add JVM options with JAVA_TOOL_OPTIONS.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", \
            "-jar", "/opt/model-registry/model-registry.jar"]
