# One image for every stage: `docker run newsflow <command>` (ingest, enrich, sink, run, demo, ...).
FROM maven:3.9-eclipse-temurin-21 AS build
WORKDIR /src
COPY . .
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:21-jre
RUN useradd --system --home /var/lib/newsflow newsflow && mkdir -p /data && chown newsflow /data
COPY --from=build /src/app/target/newsflow.jar /opt/newsflow/newsflow.jar
COPY --from=build /src/app/target/lib /opt/newsflow/lib
USER newsflow
ENV NEWSFLOW_DATA_DIR=/data
VOLUME /data
ENTRYPOINT ["java", "--enable-native-access=ALL-UNNAMED", "-Dorg.apache.avro.limits.string.maxLength=16777216", "-Dorg.apache.avro.limits.bytes.maxLength=16777216", "-Dorg.apache.avro.limits.collectionItems.maxLength=1000000", "-jar", "/opt/newsflow/newsflow.jar"]
CMD ["--help"]
