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

/**
 * Benchmarks and load runners, built only with {@code -Pbenchmarks} and never part of the
 * test run. Each prints its result as a ratio against a baseline measured in the same
 * run, with the machine it ran on ({@link io.github.blobupload.benchmarks.Machine}):
 * <ul>
 * <li>{@link io.github.blobupload.benchmarks.UploadAsyncBenchmark} (JMH): the caller's
 * cost of {@code uploadAsync} against one SHA-256 over the same bytes;</li>
 * <li>{@link io.github.blobupload.benchmarks.AdvisorOverheadBenchmark} (JMH): a
 * {@code ChatClient} call with a 1 MB image with and without the offload advisor;</li>
 * <li>{@link io.github.blobupload.benchmarks.S3ThroughputRun}: sustained upload
 * throughput to the S3 emulator through the starter against a plain {@code putObject}
 * loop;</li>
 * <li>{@link io.github.blobupload.benchmarks.AudioSpanBenchmark} (JMH): the caller
 * latency of recording model audio on a span with the starter against "write a WAV file,
 * upload it, set the attribute";</li>
 * <li>{@link io.github.blobupload.benchmarks.ChatHistoryDedupeRun}: uploads and bytes
 * written for a 20-turn chat whose history re-sends the same image, with and without
 * deduplication.</li>
 * </ul>
 * {@link io.github.blobupload.benchmarks.RatioReport} runs the JMH benchmarks and prints
 * the ratios; the S3 ones start the tests' s3proxy emulator themselves
 * ({@link io.github.blobupload.benchmarks.BenchmarkEmulators}).
 */
@NullMarked
package io.github.blobupload.benchmarks;

import org.jspecify.annotations.NullMarked;
