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
