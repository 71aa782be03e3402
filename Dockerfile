# syntax=docker/dockerfile:1
# Multi-stage build: compile with the JDK, run on the JRE as a non-root user.
# Not built in this project's CI (no Docker engine runs there); see docs/deployment.md.

# The web app, with Node (Vite 8 needs Node 20.19 or newer).
FROM node:20-bookworm-slim AS web
WORKDIR /src/web
COPY web/package.json web/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY web/ ./
RUN npm run build

FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
COPY engine/pom.xml engine/
COPY nodes/pom.xml nodes/
COPY testkit/pom.xml testkit/
COPY server/pom.xml server/
COPY web/pom.xml web/
# Dependencies first, so code changes do not re-download them.
RUN ./mvnw -B -q dependency:go-offline -DexcludeArtifactIds=automateos-engine,automateos-nodes,automateos-testkit,automateos-web || true
COPY engine/src engine/src
COPY nodes/src nodes/src
COPY testkit/src testkit/src
COPY server/src server/src
COPY --from=web /src/web/dist web/dist
RUN ./mvnw -B -q -DskipTests -Dweb.build.skip=true package \
 && java -Djarmode=tools -jar server/target/automateos.jar extract --destination /app

FROM eclipse-temurin:25-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
 && groupadd --system automateos && useradd --system --gid automateos --home /var/lib/automateos automateos \
 && mkdir -p /var/lib/automateos && chown automateos:automateos /var/lib/automateos
COPY --from=build /app /app
# Record the AOT cache at build time: a training start that exits once the context is ready.
RUN java -XX:AOTCacheOutput=/app/automateos.aot -Dspring.context.exit=onRefresh \
      -jar /app/automateos.jar server --port 0 --data-dir /tmp/training && rm -rf /tmp/training
USER automateos
WORKDIR /var/lib/automateos
ENV AUTOMATEOS_HOST=0.0.0.0 \
    AUTOMATEOS_PORT=8080 \
    AUTOMATEOS_DATA_DIR=/var/lib/automateos/data \
    JAVA_TOOL_OPTIONS="-XX:+UseSerialGC -Xms16m -Xmx512m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30"
VOLUME ["/var/lib/automateos"]
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
  CMD curl -fsS http://127.0.0.1:8080/health/readiness || exit 1
ENTRYPOINT ["java", "-XX:AOTCache=/app/automateos.aot", "-jar", "/app/automateos.jar"]
# standalone: every role in one container; compose runs server and worker containers instead.
CMD ["standalone"]
