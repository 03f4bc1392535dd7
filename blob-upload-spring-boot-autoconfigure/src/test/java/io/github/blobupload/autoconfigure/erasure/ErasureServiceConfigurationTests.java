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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.blobupload.Blob;
import io.github.blobupload.BlobNamingStrategies;
import io.github.blobupload.BlobReader;
import io.github.blobupload.ByteRange;
import io.github.blobupload.StoredBlob;
import io.github.blobupload.SimpleBlobUploader;
import io.github.blobupload.actuate.BlobErasureEndpoint;
import io.github.blobupload.actuate.BlobErasureHealthIndicator;
import io.github.blobupload.actuate.BlobErasureMetrics;
import io.github.blobupload.autoconfigure.BlobUploadAutoConfiguration;
import io.github.blobupload.erasure.BlobErasure;
import io.github.blobupload.erasure.ErasureReceipt;
import io.github.blobupload.erasure.ErasureSelector;
import io.github.blobupload.erasure.OwnerLabels;
import io.github.blobupload.erasure.ReferenceLayout;
import io.github.blobupload.erasure.ReferenceRecord;
import io.github.blobupload.erasure.store.StoreBlobErasure;
import io.github.blobupload.provider.file.FileBlobStorageProvider;
import io.github.blobupload.testsupport.DeletableRegistry;
import io.github.blobupload.testsupport.FaultyDeleter;
import io.github.blobupload.viewer.TraceIndexWriter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ErasureServiceConfiguration}: the erasure bean over the registry's
 * destinations, its companions, metrics, health and endpoint, and its settings' checks.
 */
class ErasureServiceConfigurationTests {

	private static final String TRACE = "0af7651916cd43dd8448eb211c80319c";

	private static final String SPAN = "b7ad6b7169203331";

	@TempDir
	private Path folder;

	private SimpleBlobUploader uploader;

	private BlobReader reader;

	private FaultyDeleter deleter;

	private WebApplicationContextRunner withoutRegistry;

	private WebApplicationContextRunner runner;

	@BeforeEach
	void prepare() {
		this.uploader = new FileBlobStorageProvider().createUploader("file://" + this.folder + "/blobs",
				BlobNamingStrategies.contentAddressed());
		this.reader = this.uploader.blobReader().orElseThrow();
		this.deleter = new FaultyDeleter(this.uploader.blobDeleter().orElseThrow(), List.of());
		this.withoutRegistry = new WebApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(BlobUploadAutoConfiguration.class, BlobUploadErasureAutoConfiguration.class))
			.withPropertyValues("blob.upload.erasure.enabled=true", "spring.application.name=chat-app");
		this.runner = this.withoutRegistry.withBean(DeletableRegistry.class,
				() -> new DeletableRegistry("chat-input", this.reader, this.deleter));
	}

	@Test
	void erasesThroughTheRegistrysDestinationsWithTheViewersIndexEntry() throws IOException {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(StoreBlobErasure.class);
			OwnerLabels labels = context.getBean(OwnerLabels.class);
			String uri = store("conversation A's voice");
			String entry = TraceIndexWriter.entryUriOf(this.reader.uriPrefix(), TRACE, SPAN, uri);
			this.uploader.uploadSync(entry, json("{}"));
			reference(new ReferenceRecord(uri, "chat-input", TRACE, SPAN, labels.keys().keyOf("conv-a"), null,
					"chat-app", Instant.parse("2020-01-01T00:00:00Z")));
			ErasureReceipt receipt = context.getBean(BlobErasure.class)
				.erase(ErasureSelector.conversation("conv-a"), false);
			assertThat(receipt.deleted()).containsExactly(uri);
			assertThat(exists(uri)).isFalse();
			assertThat(exists(entry)).isFalse();
			Health health = context.getBean(BlobErasureHealthIndicator.class).health(true);
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails().get("lastErasure"))
				.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.map(String.class, Object.class))
				.containsEntry("kind", "conversation")
				.containsEntry("deleted", 1L)
				.containsEntry("complete", true);
			SimpleMeterRegistry meters = new SimpleMeterRegistry();
			context.getBean(BlobErasureMetrics.class).bindTo(meters);
			assertThat(meters.get("blob.upload.erasure.objects")
				.tags("kind", "conversation", "outcome", "erased")
				.functionCounter()
				.count()).isEqualTo(1.0);
			assertThat(meters.get("blob.upload.erasure.requests")
				.tags("kind", "conversation", "dry_run", "false", "complete", "true")
				.functionCounter()
				.count()).isEqualTo(1.0);
			assertThat(meters.get("blob.upload.erasure.objects").functionCounters()).hasSize(12);
		});
	}

	@Test
	void listsTheIndexThroughTheDeletersOwnReader() throws IOException {
		BlobReader uploaderReader = new BlobReader() {

			@Override
			public String uriPrefix() {
				return ErasureServiceConfigurationTests.this.reader.uriPrefix();
			}

			@Override
			public Optional<String> storageUri(String recordedUri) {
				return Optional.empty();
			}

			@Override
			public Optional<StoredBlob> open(String uri, @Nullable ByteRange range) throws IOException {
				throw new IOException("the uploading client may not read");
			}

			@Override
			public List<String> list(String uriPrefix, int limit) throws IOException {
				throw new IOException("the uploading client may not list");
			}

		};
		this.withoutRegistry
			.withBean(DeletableRegistry.class, () -> new DeletableRegistry("chat-input", uploaderReader, this.deleter))
			.run((context) -> {
				OwnerLabels labels = context.getBean(OwnerLabels.class);
				String uri = store("owner's voice");
				reference(new ReferenceRecord(uri, "chat-input", TRACE, SPAN, null, labels.keyOfOwner("alice"),
						"chat-app", Instant.parse("2020-01-01T00:00:00Z")));
				ErasureReceipt receipt = context.getBean(BlobErasure.class)
					.erase(ErasureSelector.owner("alice"), false);
				assertThat(receipt.failed()).isEmpty();
				assertThat(receipt.deleted()).containsExactly(uri);
			});
	}

	@Test
	void healthIsDegradedAfterAnErasureWithFailures() throws IOException {
		this.runner.run((context) -> {
			OwnerLabels labels = context.getBean(OwnerLabels.class);
			String uri = store("owner's image");
			reference(new ReferenceRecord(uri, "chat-input", TRACE, SPAN, null, labels.keyOfOwner("alice"), "chat-app",
					Instant.parse("2020-01-01T00:00:00Z")));
			this.deleter.failWith(new IOException("refused"));
			context.getBean(BlobErasure.class).erase(ErasureSelector.owner("alice"), false);
			Health health = context.getBean(BlobErasureHealthIndicator.class).health(true);
			assertThat(health.getStatus()).isEqualTo(BlobErasureHealthIndicator.DEGRADED);
			assertThat(health.toString()).doesNotContain("alice").doesNotContain(uri);
		});
	}

	@Test
	void healthContributorHasAnOffSwitch() {
		this.runner.withPropertyValues("management.health.bloberasure.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(BlobErasureHealthIndicator.class)
				.hasSingleBean(BlobErasureMetrics.class));
	}

	@Test
	void endpointIsAbsentUntilSwitchedOnAndExposed() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(BlobErasureEndpoint.class));
		this.runner.withPropertyValues("management.endpoints.web.exposure.include=blobErasure")
			.run((context) -> assertThat(context).doesNotHaveBean(BlobErasureEndpoint.class));
		this.runner.withPropertyValues("management.endpoint.bloberasure.access=UNRESTRICTED")
			.run((context) -> assertThat(context).doesNotHaveBean(BlobErasureEndpoint.class));
		this.runner
			.withPropertyValues("management.endpoint.bloberasure.access=UNRESTRICTED",
					"management.endpoints.web.exposure.include=blobErasure")
			.run((context) -> assertThat(context).hasSingleBean(BlobErasureEndpoint.class));
		// As the configuration metadata spells it.
		this.runner
			.withPropertyValues("management.endpoint.blob-erasure.access=UNRESTRICTED",
					"management.endpoints.web.exposure.include=blob-erasure")
			.run((context) -> assertThat(context).hasSingleBean(BlobErasureEndpoint.class));
	}

	@Test
	void offUnlessEnabled() {
		this.runner.withPropertyValues("blob.upload.erasure.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(BlobErasure.class)
				.doesNotHaveBean(BlobErasureHealthIndicator.class));
	}

	@Test
	void usersErasureWins() {
		BlobErasure own = (selector, dryRun) -> {
			throw new UnsupportedOperationException();
		};
		this.runner.withBean(BlobErasure.class, () -> own)
			.run((context) -> assertThat(context.getBean(BlobErasure.class)).isSameAs(own));
	}

	@Test
	void gracePeriodMustBePositive() {
		this.runner.withPropertyValues("blob.upload.erasure.grace-period=0s")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("blob.upload.erasure.grace-period")
				.hasMessageContaining("must be positive"));
	}

	@Test
	void maxReferencesMustBeAtLeastOne() {
		this.runner.withPropertyValues("blob.upload.erasure.max-references=0")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("blob.upload.erasure.max-references")
				.hasMessageContaining("must be at least 1"));
	}

	private String store(String content) throws IOException {
		Blob blob = new Blob(content.getBytes(StandardCharsets.UTF_8), "audio/wav", Map.of());
		String uri = this.uploader.generateDestinationUri(blob);
		this.uploader.uploadSync(uri, blob);
		FaultyDeleter.touch(uri, Instant.parse("2020-01-01T00:00:00Z"));
		return uri;
	}

	private void reference(ReferenceRecord record) throws IOException {
		for (String uri : ReferenceLayout.recordUris(this.reader.uriPrefix(), record)) {
			this.uploader.uploadSync(uri, new Blob(ReferenceLayout.toJson(record), "application/json", Map.of()));
		}
	}

	private static Blob json(String json) {
		return new Blob(json.getBytes(StandardCharsets.UTF_8), "application/json", Map.of());
	}

	private static boolean exists(String uri) {
		return Files.exists(Path.of(URI.create(uri)));
	}

}
