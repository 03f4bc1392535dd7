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

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.CommandLineOptionException;

/**
 * Runs benchmarks like {@code org.openjdk.jmh.Main} (same arguments), then prints each
 * benchmark's score as a ratio to the baseline of its class measured in the same run: the
 * benchmark method named {@code baseline} or, for {@link UploadAsyncBenchmark},
 * {@code sha256}.
 * <p>
 * {@code java -cp benchmarks/target/benchmarks.jar io.github.blobupload.benchmarks.RatioReport UploadAsyncBenchmark}
 */
public final class RatioReport {

	private RatioReport() {
	}

	/**
	 * Runs the benchmarks selected by the arguments and prints the ratios.
	 * @param args the arguments of {@code org.openjdk.jmh.Main}, such as a benchmark name
	 * @throws RunnerException if JMH fails
	 * @throws CommandLineOptionException if the arguments are not JMH's
	 */
	public static void main(String[] args) throws RunnerException, CommandLineOptionException {
		Collection<RunResult> results = new Runner(new CommandLineOptions(args)).run();
		Map<String, Double> baselines = new TreeMap<>();
		for (RunResult result : results) {
			String method = method(result);
			if (method.equals("baseline") || method.equals("sha256")) {
				baselines.put(group(result), result.getPrimaryResult().getScore());
			}
		}
		System.out.println();
		System.out.println("Ratios against the baseline measured in this run (" + Machine.describe() + "):");
		for (RunResult result : results) {
			Double baseline = baselines.get(group(result));
			double score = result.getPrimaryResult().getScore();
			System.out.printf("  %-60s %12.3f %-6s x%.2f%n",
					result.getParams().getBenchmark().replaceAll(".*\\.benchmarks\\.", "") + params(result), score,
					result.getPrimaryResult().getScoreUnit(),
					(baseline != null && baseline > 0) ? score / baseline : Double.NaN);
		}
	}

	private static String method(RunResult result) {
		String benchmark = result.getParams().getBenchmark();
		return benchmark.substring(benchmark.lastIndexOf('.') + 1);
	}

	private static String group(RunResult result) {
		String benchmark = result.getParams().getBenchmark();
		return benchmark.substring(0, benchmark.lastIndexOf('.')) + params(result);
	}

	private static String params(RunResult result) {
		StringBuilder params = new StringBuilder();
		for (String key : result.getParams().getParamsKeys()) {
			params.append(' ').append(key).append('=').append(result.getParams().getParam(key));
		}
		return params.toString();
	}

}
