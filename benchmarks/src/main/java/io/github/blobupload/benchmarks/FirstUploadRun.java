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

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.blobupload.Blob;
import io.github.blobupload.BlobNamingStrategies;
import io.github.blobupload.ManagedBlobUploader;

/**
 * The caller's cost of the first {@code uploadAsync} in a JVM, with the engine's
 * background warm-up (Tika's type registry, the digests) against the same JVM without it
 * ({@code -Dblob.upload.warm-up=false}): the baseline. Each sample is a fresh JVM that
 * creates an uploader, lets an application start-up go by (1 s by default), then times
 * one {@code uploadAsync} of a PNG with no declared type, so its type is detected and it
 * is named by content.
 * <p>
 * Run with {@code java -cp benchmarks/target/benchmarks.jar
 * io.github.blobupload.benchmarks.FirstUploadRun [forks] [start-up ms]}.
 */
public final class FirstUploadRun {

	private static final String RESULT = "first-upload-nanos=";

	private FirstUploadRun() {
	}

	/**
	 * Forks the JVMs and prints the medians and their ratio; with {@code --child} it is
	 * one of those JVMs.
	 * @param args {@code [forks] [start-up ms]}, or {@code --child <start-up ms>}
	 * @throws Exception if a child JVM cannot run
	 */
	public static void main(String[] args) throws Exception {
		if (args.length > 0 && args[0].equals("--child")) {
			child(Long.parseLong(args[1]));
			return;
		}
		int forks = (args.length > 0) ? Integer.parseInt(args[0]) : 7;
		long startupMillis = (args.length > 1) ? Long.parseLong(args[1]) : 1000;
		List<Long> warm = new ArrayList<>();
		List<Long> cold = new ArrayList<>();
		for (int i = 0; i < forks; i++) {
			warm.add(fork(true, startupMillis));
			cold.add(fork(false, startupMillis));
		}
		long warmMedian = Medians.of(warm);
		long coldMedian = Medians.of(cold);
		System.out.println();
		System.out.printf("The first uploadAsync in a JVM (1 KB PNG, type detected, content-addressed), %d ms after "
				+ "the uploader was created, median of %d JVMs each%n", startupMillis, forks);
		System.out.println("Machine: " + Machine.describe());
		System.out.println();
		System.out.println("| | First uploadAsync (median) | Ratio |");
		System.out.println("|---|---|---|");
		System.out.printf("| baseline: no warm-up (-Dblob.upload.warm-up=false) | %.2f ms | ×1 |%n", coldMedian / 1e6);
		System.out.printf("| starter: background warm-up | %.2f ms | ×%.3f |%n", warmMedian / 1e6,
				(double) warmMedian / coldMedian);
	}

	private static long fork(boolean warmUp, long startupMillis) throws IOException, InterruptedException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Process process = new ProcessBuilder(java, "-Dblob.upload.warm-up=" + warmUp, "-cp",
				System.getProperty("java.class.path"), FirstUploadRun.class.getName(), "--child",
				Long.toString(startupMillis))
			.redirectErrorStream(true)
			.start();
		Long nanos = null;
		try (BufferedReader output = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			for (String line = output.readLine(); line != null; line = output.readLine()) {
				if (line.startsWith(RESULT)) {
					nanos = Long.parseLong(line.substring(RESULT.length()));
				}
			}
		}
		if (process.waitFor() != 0 || nanos == null) {
			throw new IllegalStateException("The child JVM failed (exit " + process.exitValue() + ")");
		}
		return nanos;
	}

	private static void child(long startupMillis) throws InterruptedException {
		ManagedBlobUploader uploader = DiscardingStorage.uploader(BlobNamingStrategies.contentAddressed(), "first");
		Thread.sleep(startupMillis);
		byte[] png = new byte[1024];
		byte[] signature = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
		System.arraycopy(signature, 0, png, 0, signature.length);
		long start = System.nanoTime();
		String uri = uploader.uploadAsync(new Blob(png, null, null));
		long nanos = System.nanoTime() - start;
		if (!uri.endsWith(".png") || !uploader.shutdown(Duration.ofSeconds(10))) {
			throw new IllegalStateException("Not uploaded as a PNG: " + uri);
		}
		System.out.println(RESULT + nanos);
	}

}
