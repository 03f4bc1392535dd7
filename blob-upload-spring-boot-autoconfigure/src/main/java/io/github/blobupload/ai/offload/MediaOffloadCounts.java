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

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

import io.github.blobupload.ai.MediaOffloadOutcome;

/**
 * How many pieces of media had each {@link MediaOffloadOutcome} since startup.
 * Thread-safe and cheap to update.
 */
final class MediaOffloadCounts {

	private final Map<MediaOffloadOutcome, LongAdder> counts = new EnumMap<>(MediaOffloadOutcome.class);

	MediaOffloadCounts() {
		for (MediaOffloadOutcome outcome : MediaOffloadOutcome.values()) {
			this.counts.put(outcome, new LongAdder());
		}
	}

	/**
	 * Counts pieces of media with an outcome.
	 * @param outcome the outcome
	 * @param mediaCount how many
	 */
	void add(MediaOffloadOutcome outcome, int mediaCount) {
		this.counts.get(outcome).add(mediaCount);
	}

	/**
	 * Counts one piece of media with an outcome.
	 * @param outcome the outcome
	 */
	void increment(MediaOffloadOutcome outcome) {
		this.counts.get(outcome).increment();
	}

	/**
	 * Returns how many pieces of media had an outcome.
	 * @param outcome the outcome
	 * @return the count
	 */
	long get(MediaOffloadOutcome outcome) {
		return this.counts.get(outcome).sum();
	}

}
