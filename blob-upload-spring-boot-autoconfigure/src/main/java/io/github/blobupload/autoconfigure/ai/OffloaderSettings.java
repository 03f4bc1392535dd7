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

import java.util.function.Consumer;

import io.github.blobupload.ai.offload.MediaOffloaderBuilder;
import org.jspecify.annotations.Nullable;

/**
 * Hands the {@code blob.upload.ai.*} values to the offloader's builder, the one place
 * their rules are written: once before any bean is created, to report every invalid value
 * together ({@link SpringAiConfigurationCheck}), and once to build the offloader.
 */
public final class OffloaderSettings {

	private OffloaderSettings() {
	}

	/**
	 * Hands each value to its builder setter.
	 * @param ai the bound properties
	 * @param builder the builder
	 * @param setter what hands a value to a setter and names the property if it is
	 * refused
	 */
	public static void apply(BlobUploadAiProperties ai, MediaOffloaderBuilder builder, PropertySetter setter) {
		setter.set("blob.upload.ai.inline-budget", ai.getInlineBudget(),
				(budget) -> builder.inlineBudgetBytes(budget.toBytes()));
		setter.set("blob.upload.ai.pcm.sample-rate", ai.getPcm().getSampleRate(), builder::pcmSampleRate);
		setter.set("blob.upload.ai.pcm.channels", ai.getPcm().getChannels(), builder::pcmChannels);
		for (String rule : ai.getMedia().getInclude()) {
			setter.set("blob.upload.ai.media.include", rule, builder::include);
		}
		for (String rule : ai.getMedia().getExclude()) {
			setter.set("blob.upload.ai.media.exclude", rule, builder::exclude);
		}
		BlobUploadAiProperties.PromptOffload prompt = ai.getPromptOffload();
		setter.set("blob.upload.ai.prompt-offload.threads", prompt.getThreads(), builder::promptOffloadThreads);
		setter.set("blob.upload.ai.prompt-offload.queue-size", prompt.getQueueSize(), builder::promptOffloadQueueSize);
		setter.set("blob.upload.ai.prompt-offload.join-timeout", prompt.getJoinTimeout(),
				builder::promptOffloadJoinTimeout);
	}

	/**
	 * Hands a property's value to a builder setter: {@code BuilderArguments::set} throws
	 * for a refused value, {@code ConfigurationReport::set} collects it.
	 */
	@FunctionalInterface
	public interface PropertySetter {

		/**
		 * Hands a value to a setter.
		 * @param <T> the value's type
		 * @param property the full name of the property
		 * @param value the bound value
		 * @param setter the builder setter
		 */
		<T> void set(String property, @Nullable T value, Consumer<T> setter);

	}

}
