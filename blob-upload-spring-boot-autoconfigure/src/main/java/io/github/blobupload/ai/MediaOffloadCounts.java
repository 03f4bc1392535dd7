package io.github.blobupload.ai;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * How many pieces of media had each {@link MediaOffloadOutcome} since startup. Thread-safe
 * and cheap to update.
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
