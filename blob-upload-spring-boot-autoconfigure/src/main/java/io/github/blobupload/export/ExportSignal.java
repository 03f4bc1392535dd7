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
 * The kind of telemetry an exported value belongs to. Each has the use case its media is
 * uploaded under, which falls back to the default uploader as every use case does.
 */
public enum ExportSignal {

	/** A span: its attributes and its events' attributes. */
	SPAN("span", "export.span"),

	/** A log record: its attributes and its body. */
	LOG("log", "export.log");

	private final String tag;

	private final String useCase;

	ExportSignal(String tag, String useCase) {
		this.tag = tag;
		this.useCase = useCase;
	}

	/**
	 * Returns the name of this signal in meter tags and log lines.
	 * @return {@code span} or {@code log}
	 */
	public String tag() {
		return this.tag;
	}

	/**
	 * Returns the use case media of this signal is uploaded under.
	 * @return {@code export.span} or {@code export.log}
	 */
	public String useCase() {
		return this.useCase;
	}

}
