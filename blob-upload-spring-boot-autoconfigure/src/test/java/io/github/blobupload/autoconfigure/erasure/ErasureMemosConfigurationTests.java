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

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import io.github.blobupload.Blob;
import io.github.blobupload.BlobUploader;
import io.github.blobupload.BlobUploaderRegistry;
import io.github.blobupload.autoconfigure.BlobUploadAutoConfiguration;
import io.github.blobupload.autoconfigure.ErasureMemoLifetime;
import io.github.blobupload.autoconfigure.ai.BlobUploadSpringAiAutoConfiguration;
import io.github.blobupload.autoconfigure.viewer.BlobUploadViewerAutoConfiguration;
import io.github.blobupload.erasure.ErasureListener;
import io.github.blobupload.testsupport.SampleContent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ErasureMemosConfiguration}: with erasure on, every memo of stored
 * content is told by an {@link ErasureListener} of its own.
 */
class ErasureMemosConfigurationTests {

	private static final String CONVERSATION = "gen_ai_conversation_id";

	@TempDir
	Path folder;

	private ApplicationContextRunner runner() {
		return new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(BlobUploadAutoConfiguration.class, BlobUploadSpringAiAutoConfiguration.class,
							BlobUploadViewerAutoConfiguration.class, BlobUploadErasureAutoConfiguration.class))
			.withPropertyValues("blob.upload.enabled=true", "blob.upload.uri-prefix=" + this.folder.toUri(),
					"blob.upload.viewer.enabled=true");
	}

	@Test
	void aListenerPerMemoWithErasureOn() {
		runner().withPropertyValues("blob.upload.erasure.enabled=true").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBeansOfType(ErasureListener.class)).containsOnlyKeys(
					"blobUploadEnginesErasureListener", "blobRetentionErasureListener", "blobTraceIndexErasureListener",
					"blobStorageProvidersErasureListener", "blobMediaOffloaderErasureListener");
		});
	}

	@Test
	void noListenerWithErasureOff() {
		runner().run((context) -> assertThat(context).doesNotHaveBean(ErasureListener.class));
	}

	@Test
	void theMemosThatSkipUploadsTrustAnEntryForHalfTheGracePeriod() {
		runner().withPropertyValues("blob.upload.erasure.enabled=true", "blob.upload.erasure.grace-period=10m")
			.run((context) -> assertThat(context.getBean(BlobUploaderRegistry.class).getBlobUploader(null)).asString()
				.contains("recentUploadsLifetime=PT5M"));
		runner()
			.run((context) -> assertThat(context.getBean(BlobUploaderRegistry.class).getBlobUploader(null)).asString()
				.contains("recentUploadsLifetime=unlimited"));
	}

	@Test
	void anErasedObjectIsWrittenAgainOnceTheListenersWereTold() {
		runner().withPropertyValues("blob.upload.erasure.enabled=true").run((context) -> {
			BlobUploader uploader = context.getBean(BlobUploaderRegistry.class).getBlobUploader(null);
			Blob image = new Blob(SampleContent.png(), "image/png", Map.of(CONVERSATION, "c-1"));
			String uri = uploader.uploadAsync(image);
			assertThat(context.getBean(BlobUploaderRegistry.class).flush(Duration.ofSeconds(10))).isTrue();
			Path stored = Path.of(URI.create(uri));
			// What an erasure does: tell, delete, tell.
			context.getBeansOfType(ErasureListener.class)
				.values()
				.forEach((listener) -> listener.beforeErasure((labels) -> "c-1".equals(labels.get(CONVERSATION))));
			Files.delete(stored);
			context.getBeansOfType(ErasureListener.class)
				.values()
				.forEach((listener) -> listener.onErased(Set.of(uri), Set.of()));

			assertThat(uploader.uploadAsync(image)).isEqualTo(uri);
			assertThat(context.getBean(BlobUploaderRegistry.class).flush(Duration.ofSeconds(10))).isTrue();
			assertThat(stored).as("written again, not deduplicated").hasBinaryContent(SampleContent.png());
		});
	}

	@Test
	void theGracePeriodDefaultIsTheErasurePropertiesDefault() {
		assertThat(ErasureMemoLifetime.DEFAULT_GRACE_PERIOD)
			.isEqualTo(new BlobUploadErasureProperties().getGracePeriod());
		assertThat(ErasureMemoLifetime.of(new MockEnvironment().withProperty("blob.upload.erasure.enabled", "true")))
			.isEqualTo(Duration.ofMinutes(15).dividedBy(2));
		assertThat(ErasureMemoLifetime.of(new MockEnvironment())).isNull();
	}

}
