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

package io.github.blobupload.engine;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.blobupload.Blob;
import io.github.blobupload.BlobNamingStrategies;
import io.github.blobupload.ContentTypes;
import org.jspecify.annotations.Nullable;

/**
 * Loads, once per JVM and on a background thread, what the caller's thread would
 * otherwise load on its first {@code uploadAsync}: Apache Tika's type registry (used to
 * detect content types and pick extensions; close to a second on a small machine) and the
 * SHA-256 implementation behind content-addressed names (and the secure random generator
 * behind UUID names). Started when the first uploader is created, so by the first model
 * call the cost has usually been paid off the request path; a call that comes earlier
 * waits only for what is left. The system property
 * {@value #DISABLE_PROPERTY}{@code =false} turns it off (the benchmarks measure with and
 * without it).
 */
final class CallerPathWarmUp {

	/** The system property that turns the warm-up off when set to {@code false}. */
	static final String DISABLE_PROPERTY = "blob.upload.warm-up";

	private static final AtomicBoolean started = new AtomicBoolean();

	private static final byte[] PNG_HEADER = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0x0d, 'I',
			'H', 'D', 'R' };

	private CallerPathWarmUp() {
	}

	/**
	 * Starts the warm-up unless it was started before.
	 */
	static void startOnce() {
		startOnce(System.getProperty(DISABLE_PROPERTY), started);
	}

	/**
	 * Starts the warm-up unless the setting turns it off or the flag says it was started
	 * before.
	 * @param setting the value of {@value #DISABLE_PROPERTY}, or {@code null}
	 * @param once set when the warm-up starts, so that it starts only once
	 * @return the thread running the warm-up, or {@code null} if none was started
	 */
	static @Nullable Thread startOnce(@Nullable String setting, AtomicBoolean once) {
		if ("false".equalsIgnoreCase(setting) || !once.compareAndSet(false, true)) {
			return null;
		}
		Thread thread = new Thread(CallerPathWarmUp::run, "blob-upload-warm-up");
		thread.setDaemon(true);
		thread.setPriority(Thread.MIN_PRIORITY);
		thread.start();
		return thread;
	}

	private static void run() {
		try {
			ContentTypes.extensionFor(ContentTypes.detectContentType(PNG_HEADER));
			Blob blob = new Blob("warm-up".getBytes(StandardCharsets.US_ASCII), "text/plain", null);
			BlobNamingStrategies.contentAddressed().objectName(blob);
			BlobNamingStrategies.uuid().objectName(blob);
		}
		catch (RuntimeException | LinkageError ex) {
			// Best effort: the first upload loads the same classes and reports any
			// problem.
		}
	}

}
