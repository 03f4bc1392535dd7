package io.github.blobupload.benchmarks;

import java.util.ArrayList;
import java.util.List;

/**
 * The median of repeated measurements, which the load runners report: on a small, shared
 * machine it resists the occasional run slowed by other work better than the mean.
 */
final class Medians {

	private Medians() {
	}

	/**
	 * Returns the median: the middle value, or the lower of the two middle values when
	 * the count is even.
	 * @param values the measurements, at least one
	 * @return the median
	 */
	static long of(List<Long> values) {
		List<Long> sorted = new ArrayList<>(values);
		sorted.sort(null);
		return sorted.get((sorted.size() - 1) / 2);
	}

}
