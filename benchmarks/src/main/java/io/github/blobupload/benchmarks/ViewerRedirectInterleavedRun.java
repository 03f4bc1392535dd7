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
 * The redirect ratio of {@link ViewerRedirectBenchmark} measured with the two sides
 * interleaved: each round reads the 100 MB object once through the viewer's redirect and
 * once by a direct GET of its presigned URL, alternating which goes first, so that drift
 * of the machine or of s3proxy between JMH's separate segments does not enter the ratio.
 * Prints the median time of each side and their ratio (throughput of the redirect against
 * the direct GET).
 */
public final class ViewerRedirectInterleavedRun {

	private static final int WARM_UP_ROUNDS = 3;

	private static final int ROUNDS = 15;

	private ViewerRedirectInterleavedRun() {
	}

	/**
	 * Runs the measurement.
	 * @param args ignored
	 * @throws Exception if the store or the viewer cannot be started or read
	 */
	public static void main(String[] args) throws Exception {
		ViewerRedirectBenchmark benchmark = new ViewerRedirectBenchmark();
		benchmark.setUp();
		try {
			for (int i = 0; i < WARM_UP_ROUNDS; i++) {
				benchmark.baseline();
				benchmark.redirect();
			}
			List<Long> direct = new ArrayList<>();
			List<Long> redirected = new ArrayList<>();
			List<Long> twoSteps = new ArrayList<>();
			for (int round = 0; round < ROUNDS; round++) {
				if (round % 2 == 0) {
					direct.add(time(benchmark, false));
					redirected.add(time(benchmark, true));
					twoSteps.add(timeTwoSteps(benchmark));
				}
				else {
					twoSteps.add(timeTwoSteps(benchmark));
					redirected.add(time(benchmark, true));
					direct.add(time(benchmark, false));
				}
			}
			long directMedian = Medians.of(direct);
			long redirectMedian = Medians.of(redirected);
			System.out.printf("Direct GET of the presigned URL: median %.1f ms per 100 MB object (%d rounds)%n",
					directMedian / 1e6, ROUNDS);
			System.out.printf("Through the viewer's redirect:    median %.1f ms per 100 MB object%n",
					redirectMedian / 1e6);
			long twoStepsMedian = Medians.of(twoSteps);
			System.out.printf("The 307 asked for, then its Location read as a new GET: median %.1f ms%n",
					twoStepsMedian / 1e6);
			System.out.printf(
					"Redirect delivery vs a direct signed GET, same run, interleaved: x%.2f "
							+ "(followed by the client: x%.2f)%n",
					(double) directMedian / twoStepsMedian, (double) directMedian / redirectMedian);
		}
		finally {
			benchmark.tearDown();
		}
	}

	private static long timeTwoSteps(ViewerRedirectBenchmark benchmark) throws Exception {
		long start = System.nanoTime();
		long read = benchmark.readLocation();
		long elapsed = System.nanoTime() - start;
		if (read <= 0) {
			throw new IllegalStateException("Nothing was read");
		}
		return elapsed;
	}

	private static long time(ViewerRedirectBenchmark benchmark, boolean redirect) throws Exception {
		long start = System.nanoTime();
		long read = redirect ? benchmark.redirect() : benchmark.baseline();
		long elapsed = System.nanoTime() - start;
		if (read <= 0) {
			throw new IllegalStateException("Nothing was read");
		}
		return elapsed;
	}

}
