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

package io.github.blobupload.autoconfigure.export;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Configuration of the export guard ({@code blob.upload.export.*}): keeps inline media
 * (GenAI {@code blob} parts, {@code data:} URLs) of every exported span and log record
 * off the wire, whoever made them, by storing it and exporting its URI instead.
 */
@ConfigurationProperties("blob.upload.export")
public class BlobUploadExportProperties {

	/**
	 * Whether to guard exported spans and log records. Off by default: it reads every
	 * long string attribute of every exported span and log record on the exporting thread
	 * and uploads the media it finds there, which an application should choose knowingly;
	 * the starter's own Spring AI spans need no guard.
	 */
	private boolean enabled = false;

	/**
	 * String values shorter than this are exported without a look; media smaller than
	 * about three quarters of it (base64) stays inline.
	 */
	private DataSize examineAbove = DataSize.ofBytes(1024);

	/** Spans. */
	private final Signal spans = new Signal();

	/** Log records. */
	private final Signal logs = new Signal();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public DataSize getExamineAbove() {
		return this.examineAbove;
	}

	public void setExamineAbove(DataSize examineAbove) {
		this.examineAbove = examineAbove;
	}

	public Signal getSpans() {
		return this.spans;
	}

	public Signal getLogs() {
		return this.logs;
	}

	/**
	 * Whether one signal is guarded.
	 */
	public static class Signal {

		/** Whether to guard this signal when the export guard is enabled. */
		private boolean enabled = true;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

}
