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

package io.github.blobupload.autoconfigure.ai;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.blobupload.ai.AttributeLayout;
import io.github.blobupload.ai.BlobOffloadAdvisor;
import io.github.blobupload.ai.offload.MediaOffloaderBuilder;
import io.github.blobupload.testsupport.GeneratedMetadata;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BlobUploadAiProperties}.
 */
class BlobUploadAiPropertiesTests {

	@Test
	void defaultValuesAreConsistent() {
		BlobUploadAiProperties properties = new BlobUploadAiProperties();
		assertThat(properties.getAdvisor().getOrder()).isEqualTo(BlobOffloadAdvisor.DEFAULT_ORDER);
		assertThat(properties.getPcm().getSampleRate()).isEqualTo(MediaOffloaderBuilder.DEFAULT_PCM_SAMPLE_RATE);
		assertThat(properties.getPcm().getChannels()).isOne();
		assertThat(properties.getInlineBudget().toBytes()).isZero();
		assertThat(properties.isUploadOnlyWhenSampled()).isTrue();
		assertThat(properties.isCaptureContent()).isFalse();
		assertThat(properties.getLayouts()).containsExactly(AttributeLayout.SEMCONV);
		assertThat(properties.getEvents().isEnabled()).isFalse();
		assertThat(properties.getOpenai().getStreamedAudio().isEnabled()).isTrue();
		assertThat(properties.getRefs().getBasePath()).isNull();
		assertThat(properties.getRefs().getFormat()).isNull();
		assertThat(properties.getPromptOffload().getThreads())
			.isEqualTo(MediaOffloaderBuilder.DEFAULT_PROMPT_OFFLOAD_THREADS);
		assertThat(properties.getPromptOffload().getQueueSize())
			.isEqualTo(MediaOffloaderBuilder.DEFAULT_PROMPT_OFFLOAD_QUEUE_SIZE);
		assertThat(properties.getPromptOffload().getJoinTimeout())
			.isEqualTo(MediaOffloaderBuilder.DEFAULT_PROMPT_OFFLOAD_JOIN_TIMEOUT);
	}

	@Test
	void layoutsDefaultInTheMetadataIsTheFieldsDefault() {
		// The processor cannot read a set's initializer: the default is declared by hand.
		Map<String, Object> layouts = GeneratedMetadata.load().property("blob.upload.ai.layouts");
		assertThat(layouts).isNotNull();
		assertThat(layouts.get("defaultValue")).isEqualTo(new BlobUploadAiProperties().getLayouts()
			.stream()
			.map((layout) -> layout.name().toLowerCase(Locale.ROOT))
			.toList());
		assertThat(layouts.get("defaultValue")).isInstanceOf(List.class);
	}

}
