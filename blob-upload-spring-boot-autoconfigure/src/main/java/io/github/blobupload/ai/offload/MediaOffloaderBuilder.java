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

package io.github.blobupload.ai.offload;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import io.github.blobupload.BlobLinks;
import io.github.blobupload.BlobUploader;
import io.github.blobupload.BlobUploaderRegistry;
import io.github.blobupload.ai.BlobOffloadListener;
import io.github.blobupload.ai.MediaFilter;
import io.github.blobupload.ai.MediaOffloadEvent;
import io.github.blobupload.ai.MediaOffloadOutcome;
import org.jspecify.annotations.Nullable;

/**
 * Builds a {@link MediaOffloader}; obtain one with {@link MediaOffloader#builder}. Each
 * setter validates its argument and throws {@link IllegalArgumentException} naming the
 * setting and the bad value.
 */
public final class MediaOffloaderBuilder {

	/** Default sample rate of raw PCM audio whose content type gives none (OpenAI's). */
	public static final int DEFAULT_PCM_SAMPLE_RATE = 24_000;

	/** Default number of threads that offload prompt media while the model works. */
	public static final int DEFAULT_PROMPT_OFFLOAD_THREADS = 2;

	/** Default number of prompt media waiting for one of those threads. */
	public static final int DEFAULT_PROMPT_OFFLOAD_QUEUE_SIZE = 64;

	/** Default longest wait for prompt media being offloaded when its URI is recorded. */
	public static final Duration DEFAULT_PROMPT_OFFLOAD_JOIN_TIMEOUT = Duration.ofSeconds(1);

	final BlobUploaderRegistry registry;

	long inlineBudgetBytes;

	boolean uploadOnlyWhenSampled = true;

	int pcmSampleRate = DEFAULT_PCM_SAMPLE_RATE;

	int pcmChannels = 1;

	final List<BlobOffloadListener> listeners = new ArrayList<>();

	BlobLinks recordedLinks = BlobLinks.IDENTITY;

	BlobLinks eventViewerLinks = BlobLinks.IDENTITY;

	final List<MediaRule> includes = new ArrayList<>();

	final List<MediaRule> excludes = new ArrayList<>();

	final List<MediaFilter> filters = new ArrayList<>();

	int promptThreads = DEFAULT_PROMPT_OFFLOAD_THREADS;

	int promptQueueSize = DEFAULT_PROMPT_OFFLOAD_QUEUE_SIZE;

	Duration joinTimeout = DEFAULT_PROMPT_OFFLOAD_JOIN_TIMEOUT;

	@Nullable Duration recentMediaLifetime;

	@Nullable Supplier<? extends @Nullable Map<String, String>> callerLabels;

	MediaOffloaderBuilder(BlobUploaderRegistry registry) {
		this.registry = Objects.requireNonNull(registry, "registry must not be null");
	}

	/**
	 * Sets the inline budget: media smaller than this is kept inline (recorded as base64)
	 * instead of uploaded. 0, the default, uploads everything.
	 * @param bytes the budget in bytes, not negative
	 * @return this builder
	 */
	public MediaOffloaderBuilder inlineBudgetBytes(long bytes) {
		if (bytes < 0) {
			throw new IllegalArgumentException("inlineBudgetBytes must not be negative but was " + bytes);
		}
		this.inlineBudgetBytes = bytes;
		return this;
	}

	/**
	 * Sets whether media of spans that are not sampled is not uploaded (default
	 * {@code true}).
	 * @param uploadOnlyWhenSampled whether uploads follow sampling
	 * @return this builder
	 */
	public MediaOffloaderBuilder uploadOnlyWhenSampled(boolean uploadOnlyWhenSampled) {
		this.uploadOnlyWhenSampled = uploadOnlyWhenSampled;
		return this;
	}

	/**
	 * Sets the rate and channels of raw PCM audio whose content type gives none.
	 * @param sampleRate samples per second, positive (default 24000)
	 * @param channels channels, positive (default 1)
	 * @return this builder
	 */
	public MediaOffloaderBuilder pcmDefaults(int sampleRate, int channels) {
		return pcmSampleRate(sampleRate).pcmChannels(channels);
	}

	/**
	 * Sets the sample rate of raw PCM audio whose content type gives none.
	 * @param sampleRate samples per second, positive (default
	 * {@value #DEFAULT_PCM_SAMPLE_RATE})
	 * @return this builder
	 */
	public MediaOffloaderBuilder pcmSampleRate(int sampleRate) {
		if (sampleRate <= 0) {
			throw new IllegalArgumentException("pcmSampleRate must be positive but was " + sampleRate);
		}
		this.pcmSampleRate = sampleRate;
		return this;
	}

	/**
	 * Sets the channels of raw PCM audio whose content type gives none.
	 * @param channels channels, positive (default 1)
	 * @return this builder
	 */
	public MediaOffloaderBuilder pcmChannels(int channels) {
		if (channels <= 0) {
			throw new IllegalArgumentException("pcmChannels must be positive but was " + channels);
		}
		this.pcmChannels = channels;
		return this;
	}

	/**
	 * Adds listeners told about every piece of media of each call.
	 * @param listeners the listeners
	 * @return this builder
	 */
	public MediaOffloaderBuilder listeners(List<? extends BlobOffloadListener> listeners) {
		this.listeners.addAll(listeners);
		return this;
	}

	/**
	 * Sets the links recorded on spans in place of the storage URIs of uploaded media,
	 * such as the media viewer's; the default, {@link BlobLinks#IDENTITY}, records the
	 * storage URIs. Listeners and
	 * {@link io.github.blobupload.ai.BlobOffloadAdvisor#OFFLOADED_MEDIA} always get the
	 * storage URIs.
	 * @param recordedLinks the links
	 * @return this builder
	 */
	public MediaOffloaderBuilder recordedLinks(BlobLinks recordedLinks) {
		this.recordedLinks = Objects.requireNonNull(recordedLinks, "recordedLinks must not be null");
		return this;
	}

	/**
	 * Sets the links given to listeners as {@link MediaOffloadEvent#viewerLink()}, such
	 * as the media viewer's, whether or not they are
	 * {@linkplain #recordedLinks(BlobLinks) recorded on spans}; the default,
	 * {@link BlobLinks#IDENTITY}, gives none.
	 * @param eventViewerLinks the links
	 * @return this builder
	 */
	public MediaOffloaderBuilder eventViewerLinks(BlobLinks eventViewerLinks) {
		this.eventViewerLinks = Objects.requireNonNull(eventViewerLinks, "eventViewerLinks must not be null");
		return this;
	}

	/**
	 * Adds a rule of media to offload; when any is given, media that matches none is
	 * excluded (never stored, recorded as {@link BlobUploader#NOT_UPLOADED}). A rule is
	 * {@code <direction>.<modality>}: direction {@code input}, {@code output} or
	 * {@code *}; modality {@code image}, {@code audio}, {@code video}, {@code document}
	 * or {@code *}, such as {@code input.image} or {@code *.audio}.
	 * @param rule the rule
	 * @return this builder
	 * @throws IllegalArgumentException when the rule is not of that form
	 */
	public MediaOffloaderBuilder include(String rule) {
		this.includes.add(MediaRule.parse(rule));
		return this;
	}

	/**
	 * Adds a rule of media never to offload, written as for {@link #include(String)}:
	 * matching media is never stored and is recorded as
	 * {@link BlobUploader#NOT_UPLOADED}. Excludes win over includes.
	 * @param rule the rule, such as {@code *.audio}
	 * @return this builder
	 * @throws IllegalArgumentException when the rule is not of that form
	 */
	public MediaOffloaderBuilder exclude(String rule) {
		this.excludes.add(MediaRule.parse(rule));
		return this;
	}

	/**
	 * Adds filters that see each piece of media the rules let through, in this order.
	 * @param filters the filters
	 * @return this builder
	 */
	public MediaOffloaderBuilder filters(List<? extends MediaFilter> filters) {
		this.filters.addAll(filters);
		return this;
	}

	/**
	 * Sets how many daemon threads offload prompt media while the model works (default
	 * {@value #DEFAULT_PROMPT_OFFLOAD_THREADS}); 0 offloads it on the caller's thread
	 * before the model is called.
	 * @param threads how many threads, 0 or more
	 * @return this builder
	 */
	public MediaOffloaderBuilder promptOffloadThreads(int threads) {
		if (threads < 0) {
			throw new IllegalArgumentException("promptOffloadThreads must be 0 or more but was " + threads);
		}
		this.promptThreads = threads;
		return this;
	}

	/**
	 * Sets how many pieces of prompt media may wait for the prompt-media threads (default
	 * {@value #DEFAULT_PROMPT_OFFLOAD_QUEUE_SIZE}). Media that finds the queue full is
	 * offloaded on the caller's thread, as with 0 threads, and counted
	 * ({@link MediaOffloader#promptOffloadsOnCallerBecauseFull()}).
	 * @param queueSize how many may wait, positive
	 * @return this builder
	 */
	public MediaOffloaderBuilder promptOffloadQueueSize(int queueSize) {
		if (queueSize <= 0) {
			throw new IllegalArgumentException("promptOffloadQueueSize must be positive but was " + queueSize);
		}
		this.promptQueueSize = queueSize;
		return this;
	}

	/**
	 * Sets how long the caller waits, when a piece of prompt media is recorded at the end
	 * of the call, for its offloading on the prompt-media threads to finish (default 1
	 * s). After that it is recorded as {@link BlobUploader#NOT_UPLOADED}, counted as
	 * {@link MediaOffloadOutcome#REFUSED_TIMEOUT} and logged (rate-limited).
	 * @param joinTimeout the longest wait, positive
	 * @return this builder
	 */
	public MediaOffloaderBuilder promptOffloadJoinTimeout(Duration joinTimeout) {
		Objects.requireNonNull(joinTimeout, "joinTimeout must not be null");
		if (joinTimeout.isNegative() || joinTimeout.isZero()) {
			throw new IllegalArgumentException("promptOffloadJoinTimeout must be positive but was " + joinTimeout);
		}
		this.joinTimeout = joinTimeout;
		return this;
	}

	/**
	 * Sets how long what became of a media object is trusted: the same object seen again
	 * later (a chat history sends its media again with every call) is offloaded again
	 * rather than recorded as reused. Unlimited by default (an entry is kept until newer
	 * media makes room); a bounded lifetime keeps the offloader from vouching for an
	 * object that may have been deleted since, as an erasure on another instance does.
	 * @param lifetime zero or a positive duration (zero trusts nothing seen before), or
	 * {@code null} for unlimited
	 * @return this builder
	 */
	public MediaOffloaderBuilder recentMediaLifetime(@Nullable Duration lifetime) {
		if (lifetime != null && lifetime.isNegative()) {
			throw new IllegalArgumentException("recentMediaLifetime must not be negative but was " + lifetime);
		}
		this.recentMediaLifetime = lifetime;
		return this;
	}

	/**
	 * Sets labels taken from the caller when a model call starts, on the caller's thread,
	 * and put on every blob of that call (its media, and the message files of the
	 * {@code refs} layout), although prompt media is offloaded on the prompt-media
	 * threads: labels that depend on who calls, such as the owner of the content read
	 * from the caller's security context. A label the blob has already is kept. A
	 * supplier that throws or returns {@code null} gives no labels and is logged (at most
	 * once a minute, never a value).
	 * @param callerLabels the supplier, or {@code null} for none (the default)
	 * @return this builder
	 */
	public MediaOffloaderBuilder callerLabels(
			@Nullable Supplier<? extends @Nullable Map<String, String>> callerLabels) {
		this.callerLabels = callerLabels;
		return this;
	}

	/**
	 * Builds the offloader.
	 * @return a new offloader
	 */
	public MediaOffloader build() {
		return new MediaOffloader(this);
	}

}
