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

/**
 * Makes each benchmark blob distinct cheaply: a counter written into the first 8 bytes of
 * a random template, so that neither content-addressed naming, the engine's dedupe nor
 * the offloader's memo can short-cut the work being measured.
 */
final class DistinctContent {

	private DistinctContent() {
	}

	/**
	 * Writes the counter into the first 8 bytes of the content (little-endian).
	 * @param content the content, modified in place; at least 8 bytes
	 * @param counter the counter
	 * @return {@code content}
	 */
	static byte[] stamp(byte[] content, long counter) {
		for (int i = 0; i < Long.BYTES; i++) {
			content[i] = (byte) (counter >>> (8 * i));
		}
		return content;
	}

	/**
	 * Returns a copy of the template with the counter in its first 8 bytes.
	 * @param template the template, left unchanged
	 * @param counter the counter
	 * @return a new array
	 */
	static byte[] copyOf(byte[] template, long counter) {
		return stamp(template.clone(), counter);
	}

}
