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

package io.github.blobupload.ai.audio;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Holds the audio of streamed chat completions while their chunks arrive, for the
 * {@link io.github.blobupload.ai.chat.BlobOffloadObservationFilter} to offload once when
 * the model's observation stops. Some clients (spring-ai-openai 2.0.1) drop the audio
 * deltas of a stream; an HTTP interceptor of the client
 * ({@code io.github.blobupload.ai.openai}) appends them here as they pass, keyed by the
 * completion's id and the choice's index.
 * <p>
 * Bounded: at most {@linkplain #DEFAULT_MAX_STREAMS a few} completions are held (the
 * oldest is let go when another starts), each choice's audio up to a limit of bytes past
 * which it is only counted (then refused as {@code too_large}), all of it together up to
 * {@linkplain #DEFAULT_MAX_TOTAL_BYTES a budget} (a choice whose chunk would go past it
 * is refused the same way), and a completion nobody takes is let go after a while.
 * Thread-safe.
 */
public final class StreamedChatAudio {

	/** The default most completions held at once. */
	public static final int DEFAULT_MAX_STREAMS = 16;

	/**
	 * The default most bytes held for all completions together (or the most bytes per
	 * choice, when that is more): 64 MB, about 11 minutes of 24 kHz mono PCM16.
	 */
	public static final long DEFAULT_MAX_TOTAL_BYTES = 64L * 1024 * 1024;

	/** The default time after which audio nobody took is let go. */
	public static final Duration DEFAULT_EXPIRY = Duration.ofMinutes(5);

	private final int maxStreams;

	private final long maxBytes;

	private final long maxTotalBytes;

	private final Duration expiry;

	private final Clock clock;

	private final Map<String, Completion> completions = new LinkedHashMap<>();

	/**
	 * Creates a registry with the default bounds.
	 * @param maxBytes the most bytes of audio held per choice, positive (the most bytes
	 * of a blob)
	 */
	public StreamedChatAudio(long maxBytes) {
		this(DEFAULT_MAX_STREAMS, maxBytes, DEFAULT_EXPIRY, Clock.systemUTC());
	}

	/**
	 * Creates a registry.
	 * @param maxStreams the most completions held at once, positive
	 * @param maxBytes the most bytes of audio held per choice, positive
	 * @param expiry the time after which audio nobody took is let go, positive
	 * @param clock the clock that times the expiry
	 */
	public StreamedChatAudio(int maxStreams, long maxBytes, Duration expiry, Clock clock) {
		this(maxStreams, maxBytes, Math.max(DEFAULT_MAX_TOTAL_BYTES, maxBytes), expiry, clock);
	}

	/**
	 * Creates a registry with a budget for all completions together.
	 * @param maxStreams the most completions held at once, positive
	 * @param maxBytes the most bytes of audio held per choice, positive
	 * @param maxTotalBytes the most bytes of audio held for all completions together, at
	 * least {@code maxBytes}
	 * @param expiry the time after which audio nobody took is let go, positive
	 * @param clock the clock that times the expiry
	 */
	public StreamedChatAudio(int maxStreams, long maxBytes, long maxTotalBytes, Duration expiry, Clock clock) {
		if (maxTotalBytes < maxBytes) {
			throw new IllegalArgumentException(
					"maxTotalBytes must be at least maxBytes (" + maxBytes + ") but was " + maxTotalBytes);
		}
		if (maxStreams <= 0) {
			throw new IllegalArgumentException("maxStreams must be positive but was " + maxStreams);
		}
		if (maxBytes <= 0) {
			throw new IllegalArgumentException("maxBytes must be positive but was " + maxBytes);
		}
		if (expiry.isNegative() || expiry.isZero()) {
			throw new IllegalArgumentException("expiry must be positive but was " + expiry);
		}
		this.maxStreams = maxStreams;
		this.maxBytes = maxBytes;
		this.maxTotalBytes = maxTotalBytes;
		this.expiry = expiry;
		this.clock = clock;
	}

	/**
	 * Appends a chunk of a choice's audio.
	 * @param id the completion's id
	 * @param choice the choice's index
	 * @param audio the chunk's decoded bytes
	 */
	public synchronized void append(String id, int choice, byte[] audio) {
		Instant now = this.clock.instant();
		expire(now);
		Completion completion = this.completions.get(id);
		if (completion == null) {
			if (this.completions.size() >= this.maxStreams) {
				Iterator<Map.Entry<String, Completion>> oldest = this.completions.entrySet().iterator();
				oldest.next();
				oldest.remove();
			}
			completion = new Completion(now);
			this.completions.put(id, completion);
		}
		BoundedAudioBuffer choiceAudio = completion.choices.computeIfAbsent(choice,
				(index) -> new BoundedAudioBuffer(this.maxBytes));
		if (!choiceAudio.overflowed() && heldBytes() + audio.length > this.maxTotalBytes) {
			choiceAudio.overflow(audio.length);
		}
		else {
			choiceAudio.append(audio);
		}
	}

	private long heldBytes() {
		long held = 0;
		for (Completion completion : this.completions.values()) {
			for (BoundedAudioBuffer audio : completion.choices.values()) {
				held += audio.overflowed() ? 0 : audio.size();
			}
		}
		return held;
	}

	/**
	 * Lets go of a completion's audio, which is not to be offloaded (it could not be read
	 * whole).
	 * @param id the completion's id
	 */
	public synchronized void discard(String id) {
		this.completions.remove(id);
	}

	/**
	 * Returns how many completions are held.
	 * @return the count
	 */
	public synchronized int size() {
		expire(this.clock.instant());
		return this.completions.size();
	}

	/**
	 * Takes the audio of a completion, which is no longer held.
	 * @param id the completion's id
	 * @return its audio by choice index, in order; empty when none is held
	 */
	public synchronized Map<Integer, BoundedAudioBuffer> take(String id) {
		expire(this.clock.instant());
		Completion completion = this.completions.remove(id);
		return (completion != null) ? completion.choices : Map.of();
	}

	/**
	 * Returns the most bytes of audio held per choice.
	 * @return the limit in bytes
	 */
	public long maxBytes() {
		return this.maxBytes;
	}

	private void expire(Instant now) {
		Instant oldest = now.minus(this.expiry);
		this.completions.values().removeIf((completion) -> completion.started.isBefore(oldest));
	}

	private static final class Completion {

		private final Instant started;

		private final Map<Integer, BoundedAudioBuffer> choices = new TreeMap<>();

		Completion(Instant started) {
			this.started = started;
		}

	}

}
