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
package io.github.blobupload.viewer;

import org.jspecify.annotations.Nullable;

/**
 * What a request to the viewer asks for, from its path alone: a fixed set, so that it can
 * tag a meter.
 */
public enum ViewerPage {

	/** An object's bytes: {@code <path>/<use-case>/<object>}. */
	RAW("raw"),

	/** The page about an object: {@code <path>/blobs/<use-case>/<object>}. */
	BLOB("blob"),

	/** The page of a trace: {@code <path>/traces/<trace-id>}. */
	TRACE("trace"),

	/** Anything else: the form to open a trace, and paths that are not found. */
	OTHER("other");

	private final String tag;

	ViewerPage(String tag) {
		this.tag = tag;
	}

	/**
	 * Returns the value of the {@code page} tag and of the audit record.
	 * @return for example {@code "raw"}
	 */
	public String tag() {
		return this.tag;
	}

	/**
	 * Returns what a path asks for, by the same routes the servlet answers.
	 * @param segments the path's segments below the viewer, or {@code null} for a path no
	 * link of the viewer can have
	 * @return the page
	 */
	static ViewerPage of(String @Nullable [] segments) {
		if (segments == null) {
			return OTHER;
		}
		if (segments.length == 3 && segments[0].equals("blobs")) {
			return BLOB;
		}
		if (segments.length == 2) {
			return segments[0].equals("traces") ? TRACE : RAW;
		}
		return OTHER;
	}

}
