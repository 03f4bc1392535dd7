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

package io.github.blobupload.export;

/**
 * Told what an {@link ExportGuard} did, such as to count it. Called on the exporting
 * thread: implementations must be quick, thread-safe and must not throw (what they throw
 * is caught and logged, rate-limited). Never given content.
 */
public interface ExportGuardListener {

	/**
	 * A span or log record went through the guard.
	 * @param signal its signal
	 */
	default void itemExamined(ExportSignal signal) {
	}

	/**
	 * A string value long enough to be examined was looked at for media.
	 * @param signal its signal
	 */
	default void valueExamined(ExportSignal signal) {
	}

	/**
	 * A piece of inline media was stored and replaced by its URI.
	 * @param signal its signal
	 * @param modality its modality, such as {@code image}
	 */
	default void partOffloaded(ExportSignal signal, String modality) {
	}

	/**
	 * A piece of inline media could not be stored and was replaced by a {@code /dev/null}
	 * marker.
	 * @param signal its signal
	 * @param reason the marker's {@code stripped_reason}, such as {@code too_large}
	 */
	default void markerWritten(ExportSignal signal, String reason) {
	}

	/**
	 * A value long enough to be examined was not looked into.
	 * @param signal its signal
	 * @param reason why
	 */
	default void valueSkipped(ExportSignal signal, SkipReason reason) {
	}

}
