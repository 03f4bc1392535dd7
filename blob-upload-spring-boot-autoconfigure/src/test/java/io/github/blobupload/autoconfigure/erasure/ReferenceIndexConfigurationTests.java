/*
 * Copyright 2026 the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package io.github.blobupload.autoconfigure.erasure;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.github.blobupload.Blob;
import io.github.blobupload.BlobLabels;
import io.github.blobupload.BlobUploaderRegistry;
import io.github.blobupload.ManagedBlobUploader;
import io.github.blobupload.ai.AiBlobLabels;
import io.github.blobupload.ai.BlobOffloadListener;
import io.github.blobupload.ai.MediaFilter;
import io.github.blobupload.ai.MediaOffloadEvent;
import io.github.blobupload.ai.MediaOffloadOutcome;
import io.github.blobupload.ai.OffloadedMedia;
import io.github.blobupload.ai.SpanInfo;
import io.github.blobupload.autoconfigure.BlobUploadAutoConfiguration;
import io.github.blobupload.autoconfigure.actuate.BlobUploadMetricsAutoConfiguration;
import io.github.blobupload.erasure.ErasureSelector;
import io.github.blobupload.erasure.OwnerLabels;
import io.github.blobupload.erasure.ReferenceLayout;
import io.github.blobupload.erasure.ReferenceRecord;
import io.github.blobupload.erasure.index.ReferenceIndexWriter;
import io.github.blobupload.provider.file.FileBlobStorageProvider;
import io.github.blobupload.testsupport.CountingFileStorageProvider;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ReferenceIndexConfiguration}: the index's beans, its engines (the
 * blobs' settings, the spool, the meters) and what it writes in a running application.
 */
class ReferenceIndexConfigurationTests {

	private static final Duration FLUSH = Duration.ofSeconds(10);

	private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

	private static final String SPAN = "00f067aa0ba902b7";

	private static final String OTHER_TRACE = "0af7651916cd43dd8448eb211c80319c";

	@TempDir
	Path folder;

	private final CountingFileStorageProvider store = new CountingFileStorageProvider();

	private ApplicationContextRunner runner() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class, BlobUploadAutoConfiguration.class,
					BlobUploadMetricsAutoConfiguration.class, BlobUploadErasureAutoConfiguration.class))
			.withBean(SimpleMeterRegistry.class)
			.withBean(CountingFileStorageProvider.class, () -> this.store)
			.withPropertyValues("blob.upload.enabled=true", "blob.upload.uri-prefix=" + this.folder.toUri(),
					"spring.application.name=shop");
	}

	@Test
	void erasureOnWritesTheReferencesOfEachTracedBlob() {
		runner().withPropertyValues("blob.upload.erasure.enabled=true").run((context) -> {
			assertThat(context).hasSingleBean(ReferenceIndexWriter.class).hasSingleBean(ReferenceIndexLifecycle.class);
			ReferenceIndexWriter writer = context.getBean(ReferenceIndexWriter.class);
			String uri = upload(context, Map.of(BlobLabels.TRACE_ID, TRACE, BlobLabels.SPAN_ID, SPAN,
					AiBlobLabels.CONVERSATION_ID, "conversation-1"));
			assertThat(writer.flush(FLUSH)).isTrue();
			List<ReferenceRecord> records = records(ReferenceLayout.objectFolder(prefix(), uri));
			assertThat(records).singleElement().satisfies((record) -> {
				assertThat(record.traceId()).isEqualTo(TRACE);
				assertThat(record.service()).isEqualTo("shop");
				assertThat(record.conversationKey())
					.isEqualTo(context.getBean(OwnerLabels.class).keys().keyOf("conversation-1"));
			});
			assertThat(this.store.writes("/_refs/")).isEqualTo(3);
			MeterRegistry meters = context.getBean(MeterRegistry.class);
			assertThat(meters.get("blob.upload.blobs")
				.tags("use.case", "reference-index-default", "outcome", "uploaded")
				.counter()
				.count()).isEqualTo(3);
			assertThat(
					meters.get("blob.upload.parked.blobs").tag("use.case", "reference-index-default").gauge().value())
				.isZero();
			assertThat(meters.get("blob.upload.blobs")
				.tags("use.case", "reference-index-default", "outcome", "failed", "reason", "permanent")
				.counter()
				.count()).isZero();
			assertThat(writer.destinations()).singleElement()
				.satisfies((destination) -> assertThat(destination.uriPrefix()).isEqualTo(prefix() + "_refs/"));
		});
	}

	@Test
	void withoutTheUploadMetricsTheIndexHasNoMeters() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class, BlobUploadAutoConfiguration.class,
					BlobUploadErasureAutoConfiguration.class))
			.withBean(SimpleMeterRegistry.class)
			.withPropertyValues("blob.upload.enabled=true", "blob.upload.uri-prefix=" + this.folder.toUri(),
					"blob.upload.erasure.enabled=true")
			.run((context) -> {
				assertThat(context.getBean(ReferenceIndexWriter.class).engines()).containsOnlyKeys("default");
				assertThat(context.getBean(MeterRegistry.class).find("blob.upload.parked.blobs").gauges()).isEmpty();
			});
	}

	@Test
	void theConversationLabelIsTheSpringAiIntegrations() {
		assertThat(ReferenceIndexWriter.CONVERSATION_LABEL).isEqualTo(AiBlobLabels.CONVERSATION_ID);
	}

	@Test
	void erasureOffWritesNoIndex() {
		runner().run((context) -> {
			assertThat(context).doesNotHaveBean(ReferenceIndexWriter.class)
				.doesNotHaveBean(ReferenceIndexLifecycle.class);
			upload(context, Map.of(BlobLabels.TRACE_ID, TRACE, BlobLabels.SPAN_ID, SPAN));
			assertThat(this.folder.resolve(ReferenceLayout.FOLDER)).doesNotExist();
		});
	}

	@Test
	void erasureOnWithUploadingOffStartsWithoutEngines() {
		runner().withPropertyValues("blob.upload.erasure.enabled=true", "blob.upload.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed()
				.getBean(ReferenceIndexWriter.class)
				.satisfies((writer) -> assertThat(writer.engines()).isEmpty()));
	}

	@Test
	void mediaReusedBySpringAiIsRecordedForTheNewSpan() {
		runner().withPropertyValues("blob.upload.erasure.enabled=true").run((context) -> {
			String uri = upload(context, Map.of(BlobLabels.TRACE_ID, TRACE, BlobLabels.SPAN_ID, SPAN));
			BlobOffloadListener listener = context.getBean("blobReusedMediaReferences", BlobOffloadListener.class);
			OffloadedMedia earlier = OffloadedMedia.uploaded("chat.input", uri, "image/png", 9,
					new SpanInfo(TRACE, SPAN, true));
			listener.onMedia(event(MediaOffloadOutcome.REUSED, uri, earlier));
			listener.onMedia(event(MediaOffloadOutcome.UPLOADED, uri, earlier));
			ReferenceIndexWriter writer = context.getBean(ReferenceIndexWriter.class);
			assertThat(writer.flush(FLUSH)).isTrue();
			assertThat(records(ReferenceLayout.objectFolder(prefix(), uri))).extracting(ReferenceRecord::traceId)
				.containsExactlyInAnyOrder(TRACE, OTHER_TRACE);
			assertThat(records(ReferenceLayout.selectorFolder(prefix(), ErasureSelector.Kind.TRACE, OTHER_TRACE)))
				.singleElement()
				.satisfies((record) -> assertThat(record.useCase()).isEqualTo("default"));
		});
	}

	@Test
	void withoutSpringAiNoReusedMediaListener() {
		runner().withPropertyValues("blob.upload.erasure.enabled=true")
			.withClassLoader(new FilteredClassLoader("org.springframework.ai"))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(ReferenceIndexWriter.class)
				.doesNotHaveBean("blobReusedMediaReferences"));
	}

	@Test
	void recordsAcceptedWhileStorageIsDownAreWrittenAfterARestart() throws IOException {
		Path spool = this.folder.resolve("spool");
		ApplicationContextRunner spooled = runner().withPropertyValues("blob.upload.erasure.enabled=true",
				"blob.upload.spool.enabled=true", "blob.upload.spool.directory=" + spool,
				"blob.upload.retry.max-attempts=1", "blob.upload.retry.initial-backoff=1ms",
				"blob.upload.retry.max-backoff=1ms", "blob.upload.shutdown-timeout=100ms");
		String[] uri = new String[1];
		this.store.down(true);
		spooled.run((context) -> {
			uri[0] = context.getBean(BlobUploaderRegistry.class)
				.getBlobUploader(null)
				.uploadAsync(blob(Map.of(BlobLabels.TRACE_ID, TRACE, BlobLabels.SPAN_ID, SPAN)));
			ManagedBlobUploader records = context.getBean(ReferenceIndexWriter.class).engines().get("default");
			Awaitility.await().atMost(FLUSH).until(() -> records.stats().parked().blobs() == 2);
			assertThat(records.stats().spool().configured()).isTrue();
		});
		try (Stream<Path> files = Files.walk(spool.resolve(ReferenceLayout.FOLDER).resolve("default"))) {
			assertThat(files.filter((file) -> file.toString().endsWith(".blob"))).hasSize(2);
		}
		assertThat(this.folder.resolve(ReferenceLayout.FOLDER)).doesNotExist();

		this.store.down(false);
		spooled.run((context) -> {
			ReferenceIndexWriter writer = context.getBean(ReferenceIndexWriter.class);
			assertThat(writer.flush(FLUSH)).isTrue();
			assertThat(writer.engines().get("default").stats().spool().recovered()).isEqualTo(2);
			assertThat(records(ReferenceLayout.objectFolder(prefix(), uri[0]))).singleElement()
				.satisfies((record) -> assertThat(record.spanId()).isEqualTo(SPAN));
			assertThat(records(ReferenceLayout.selectorFolder(prefix(), ErasureSelector.Kind.TRACE, TRACE))).hasSize(1);
		});
	}

	@Test
	void recordsStillQueuedWhenTheContextClosesAreWrittenFirst() throws IOException {
		ManagedBlobUploader[] records = new ManagedBlobUploader[1];
		runner().withPropertyValues("blob.upload.erasure.enabled=true").run((context) -> {
			records[0] = context.getBean(ReferenceIndexWriter.class).engines().get("default");
			BlobUploaderRegistry registry = context.getBean(BlobUploaderRegistry.class);
			for (int i = 0; i < 50; i++) {
				registry.getBlobUploader(null)
					.uploadAsync(new Blob(("picture " + i).getBytes(StandardCharsets.UTF_8), "image/png",
							Map.of(BlobLabels.TRACE_ID, TRACE, BlobLabels.SPAN_ID, SPAN)));
			}
		});
		assertThat(records[0].stats().shutdown()).isTrue();
		assertThat(records(ReferenceLayout.selectorFolder(prefix(), ErasureSelector.Kind.TRACE, TRACE))).hasSize(50);
		assertThat(records[0].stats().uploaded()).isEqualTo(100);
	}

	@Test
	void theIndexEnginesTakeTheBlobsSettings() {
		runner().withPropertyValues("blob.upload.erasure.enabled=true", "blob.upload.retry.max-attempts=7",
				"blob.upload.queue.max-size=123", "blob.upload.max-blob-size=2KB", "blob.upload.queue.max-bytes=4KB")
			.run((context) -> {
				ManagedBlobUploader records = context.getBean(ReferenceIndexWriter.class).engines().get("default");
				assertThat(records.toString()).contains("maxAttempts=7")
					.contains("maxQueueSize=123")
					.contains("maxBlobBytes=2048")
					.contains("dedupeCacheSize=0");
			});
	}

	private String upload(ConfigurableApplicationContext context, Map<String, String> labels) {
		BlobUploaderRegistry registry = context.getBean(BlobUploaderRegistry.class);
		String uri = registry.getBlobUploader(null).uploadAsync(blob(labels));
		assertThat(registry.flush(FLUSH)).isTrue();
		return uri;
	}

	private static Blob blob(Map<String, String> labels) {
		return new Blob("a picture".getBytes(StandardCharsets.UTF_8), "image/png", labels);
	}

	private static MediaOffloadEvent event(MediaOffloadOutcome outcome, String uri, OffloadedMedia media) {
		return new MediaOffloadEvent("chat.input", MediaFilter.Direction.INPUT, "image", outcome, "none", uri, null,
				"image/png", 9, 0, 0, OTHER_TRACE, "b7ad6b7169203331", "conversation-2", "chat", media);
	}

	private String prefix() {
		String prefix = this.folder.toUri().toString();
		return prefix.endsWith("/") ? prefix : prefix + "/";
	}

	private static List<ReferenceRecord> records(String folderUri) throws IOException {
		try (Stream<Path> files = Files.list(Path.of(URI.create(folderUri)))) {
			return files.filter((file) -> !file.toString().endsWith(FileBlobStorageProvider.SIDECAR_SUFFIX))
				.map((file) -> {
					try {
						return ReferenceLayout.parse(Files.readString(file));
					}
					catch (IOException ex) {
						throw new IllegalStateException(ex);
					}
				})
				.toList();
		}
	}

}
