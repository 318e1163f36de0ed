# ITAD Custody: build the jar with the Maven wrapper, run it on a JRE as a non-root user.
#   docker build -t itad-custody .
# Configure with ITAD_DB_URL, ITAD_DB_USER, ITAD_DB_PASSWORD, ITAD_DB_MIGRATION_USER,
# ITAD_DB_MIGRATION_PASSWORD (see docs/operations.md). Local state (keys, generated files) lives in /data.

FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
# resolve dependencies in their own layer, so a source change does not download them again
RUN ./mvnw -B -q dependency:go-offline || true
COPY src src
COPY processes processes
COPY migrations migrations
COPY certificates certificates
# extracted layout (thin jar + lib/) starts faster than the nested fat jar: see docs/benchmarks.md
RUN ./mvnw -B -DskipTests package \
 && java -Djarmode=tools -jar target/itad-custody-*.jar extract --destination /src/app \
 && mv /src/app/itad-custody-*.jar /src/app/app.jar

FROM eclipse-temurin:17-jre
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin itad \
 && mkdir -p /app /data \
 && chown itad /data
WORKDIR /app
COPY --from=build /src/app /app
COPY LICENSE /app/LICENSE
ENV ITAD_DATA_DIR=/data \
    PORT=8080
VOLUME /data
EXPOSE 8080
USER itad
HEALTHCHECK --interval=15s --timeout=5s --start-period=90s --retries=5 \
  CMD curl -fsS "http://localhost:${PORT}/actuator/health" | grep -q '"UP"' || exit 1
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"]
