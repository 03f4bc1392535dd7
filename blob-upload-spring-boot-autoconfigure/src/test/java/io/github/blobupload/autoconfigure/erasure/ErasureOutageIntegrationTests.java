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

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.blobupload.Blob;
import io.github.blobupload.BlobLabels;
import io.github.blobupload.BlobUploader;
import io.github.blobupload.BlobUploaderRegistry;
import io.github.blobupload.actuate.BlobErasureHealthIndicator;
import io.github.blobupload.autoconfigure.BlobUploadAutoConfiguration;
import io.github.blobupload.autoconfigure.storage.S3StorageAutoConfiguration;
import io.github.blobupload.erasure.BlobErasure;
import io.github.blobupload.erasure.ErasureReceipt;
import io.github.blobupload.erasure.ErasureReceipt.KeptReason;
import io.github.blobupload.erasure.ErasureSelector;
import io.github.blobupload.erasure.index.ReferenceIndexWriter;
import io.github.blobupload.testsupport.FaultInjector;
import io.github.blobupload.testsupport.S3Emulator;
import io.github.blobupload.testsupport.StorageTarget;
import io.github.blobupload.testsupport.UploadProbe;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An erasure on S3 (s3proxy behind a {@link FaultInjector}) that storage interrupts, run
 * again until it completes: the store stops taking deletes after the first few, then
 * takes none, then recovers. Each interrupted run returns a receipt that lists what
 * failed and is not complete, throws nothing and leaves the erasure health degraded; the
 * run after the recovery completes: conversation A's own content is gone, the image it
 * shared with conversation B and B's own content stay.
 */
class ErasureOutageIntegrationTests {

	private static final Duration GRACE_PERIOD = Duration.ofSeconds(1);

	private static final int DELETES_BEFORE_THE_OUTAGE = 3;

	@Test
	void anErasureInterruptedByAnOutageCompletesWhenRunAgain() {
		String bucket = UploadProbe.newBucketName("outage");
		S3Emulator s3 = S3Emulator.shared();
		s3.createBucket(bucket);
		try (FaultInjector store = new FaultInjector(StorageTarget.S3)) {
			runner(store, bucket).run((context) -> {
				BlobUploader uploader = context.getBean(BlobUploaderRegistry.class).getBlobUploader(null);
				BlobErasure erasure = context.getBean(BlobErasure.class);
				BlobErasureHealthIndicator health = context.getBean(BlobErasureHealthIndicator.class);
				String image = uploader.uploadAsync(blob("a shared image", "conversation-a", 1));
				uploader.uploadAsync(blob("a shared image", "conversation-b", 2));
				List<String> ownOfA = new ArrayList<>();
				for (int i = 0; i < 3; i++) {
					ownOfA.add(uploader.uploadAsync(blob("a voice of A " + i, "conversation-a", 3 + i)));
				}
				String ownOfB = uploader.uploadAsync(blob("a voice of B", "conversation-b", 9));
				flush(context);
				ErasureReceipt dryRun = ErasureRaceIntegrationTests.awaitUntil(erasure, "conversation-a",
						(receipt) -> receipt.complete() && receipt.deleted().size() == ownOfA.size(), GRACE_PERIOD);
				assertThat(dryRun.deleted()).containsExactlyInAnyOrderElementsOf(ownOfA);
				assertThat(dryRun.kept()).containsExactly(new ErasureReceipt.Kept(image, KeptReason.SHARED));
				List<String> before = s3.listKeys(bucket);

				store.failMethodAfter("DELETE", DELETES_BEFORE_THE_OUTAGE, StorageTarget.S3.errorAnswer(503));
				ErasureReceipt halfway = erasure.erase(ErasureSelector.conversation("conversation-a"), false);
				assertInterrupted(halfway, health);
				assertThat(s3.listKeys(bucket)).as("the first deletes went through")
					.hasSize(before.size() - DELETES_BEFORE_THE_OUTAGE);

				store.heal();
				store.failMethodAfter("DELETE", 0, StorageTarget.S3.errorAnswer(500));
				List<String> left = s3.listKeys(bucket);
				ErasureReceipt down = erasure.erase(ErasureSelector.conversation("conversation-a"), false);
				assertInterrupted(down, health);
				assertThat(down.deleted()).isEmpty();
				assertThat(s3.listKeys(bucket)).containsExactlyInAnyOrderElementsOf(left);

				store.heal();
				ErasureReceipt recovered = erasure.erase(ErasureSelector.conversation("conversation-a"), false);
				assertThat(recovered.complete()).isTrue();
				assertThat(recovered.failed()).isEmpty();
				assertThat(halfway.deleted()).doesNotContainAnyElementsOf(recovered.deleted());
				assertThat(concat(halfway.deleted(), recovered.deleted())).containsExactlyInAnyOrderElementsOf(ownOfA);
				// The image loses A's reference in whichever run reaches it whole (the
				// order
				// of the listing decides): it is kept, shared, exactly once.
				List<ErasureReceipt.Kept> kept = new ArrayList<>(halfway.kept());
				kept.addAll(down.kept());
				kept.addAll(recovered.kept());
				assertThat(kept).containsExactly(new ErasureReceipt.Kept(image, KeptReason.SHARED));
				assertThat(health.health().getStatus()).isEqualTo(Status.UP);
				List<String> keys = s3.listKeys(bucket);
				assertThat(keys).contains(key(bucket, image), key(bucket, ownOfB));
				ownOfA.forEach((uri) -> assertThat(keys).doesNotContain(key(bucket, uri)));
				ErasureReceipt eraseB = erasure.erase(ErasureSelector.conversation("conversation-b"), true);
				assertThat(eraseB.deleted()).containsExactlyInAnyOrder(image, ownOfB);
			});
		}
	}

	private static void assertInterrupted(ErasureReceipt receipt, BlobErasureHealthIndicator health) {
		assertThat(receipt.complete()).isFalse();
		assertThat(receipt.failed()).isNotEmpty()
			.allSatisfy((failed) -> assertThat(failed.reason()).doesNotContain("conversation-a"));
		Health reported = health.health();
		assertThat(reported.getStatus()).isEqualTo(BlobErasureHealthIndicator.DEGRADED);
		assertThat(reported.getDetails()).containsKey("lastErasure");
		System.out.printf("Interrupted erasure: %d deleted, %d failed: %s%n", receipt.deleted().size(),
				receipt.failed().size(), receipt.failed().get(0).reason());
	}

	private static List<String> concat(List<String> first, List<String> second) {
		List<String> all = new ArrayList<>(first);
		all.addAll(second);
		return all;
	}

	private static String key(String bucket, String uri) {
		return StorageTarget.S3.objectName(bucket, uri);
	}

	private static Blob blob(String content, String conversation, int trace) {
		return new Blob(content.getBytes(StandardCharsets.UTF_8), "audio/wav",
				Map.of(ReferenceIndexWriter.CONVERSATION_LABEL, conversation, BlobLabels.TRACE_ID,
						String.format("%032x", trace), BlobLabels.SPAN_ID, String.format("%016x", trace)));
	}

	private static void flush(ApplicationContext context) {
		assertThat(context.getBean(BlobUploaderRegistry.class).flush(Duration.ofSeconds(10))).isTrue();
		assertThat(context.getBean(ReferenceIndexWriter.class).flush(Duration.ofSeconds(10))).isTrue();
	}

	private static ApplicationContextRunner runner(FaultInjector store, String bucket) {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(BlobUploadAutoConfiguration.class,
					S3StorageAutoConfiguration.class, BlobUploadErasureAutoConfiguration.class))
			.withPropertyValues("blob.upload.enabled=true", "spring.application.name=outage-app",
					"blob.upload.uri-prefix=" + StorageTarget.S3.uriPrefix(bucket, "outage"),
					"blob.upload.erasure.enabled=true",
					"blob.upload.erasure.grace-period=" + GRACE_PERIOD.toMillis() + "ms")
			.withPropertyValues(StorageTarget.S3.properties(store.port()).toArray(String[]::new));
	}

}
