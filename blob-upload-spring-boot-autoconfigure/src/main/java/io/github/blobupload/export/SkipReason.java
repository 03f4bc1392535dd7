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
 * Why a string value long enough to be examined was exported as it is, without looking
 * for media in it.
 */
public enum SkipReason {

	/** It looked like JSON but is not: left as is. */
	NOT_JSON("not_json"),

	/** Its JSON nests deeper than the guard follows: left as is. */
	TOO_DEEP("too_deep"),

	/** It is longer than the guard parses: left as is. */
	TOO_LARGE("too_large");

	private final String tag;

	SkipReason(String tag) {
		this.tag = tag;
	}

	/**
	 * Returns the name of this reason in meter tags.
	 * @return the name, such as {@code not_json}
	 */
	public String tag() {
		return this.tag;
	}

}
