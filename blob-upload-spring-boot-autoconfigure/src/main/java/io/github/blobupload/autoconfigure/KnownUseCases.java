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

package io.github.blobupload.autoconfigure;

import java.util.List;
import java.util.Objects;

/**
 * The use cases an integration uploads under, declared as a bean by its
 * auto-configuration (the Spring AI integration declares {@code chat.input},
 * {@code chat.output}, {@code image.output}, {@code audio.input}, {@code audio.output}
 * and {@code genai.refs}). A configured use case that matches none of the known ones gets
 * a startup warning listing them, and one that matches a known one in another spelling
 * ({@code chatinput}, as an environment variable gives it) takes the known one's folder.
 * An integration may also give a use case a destination of its own, from a setting of its
 * own; {@code blob.upload.use-cases.<name>.*} wins over it.
 *
 * @param integration who uploads under these names, for the warning
 * @param names the use-case names
 * @param destinations destinations the integration gives some of its use cases
 */
public record KnownUseCases(String integration, List<String> names, List<Destination> destinations) {

	/**
	 * Creates the list.
	 * @param integration who uploads under these names
	 * @param names the use-case names
	 * @param destinations destinations the integration gives some of its use cases
	 */
	public KnownUseCases {
		Objects.requireNonNull(integration, "integration must not be null");
		names = List.copyOf(names);
		destinations = List.copyOf(destinations);
	}

	/**
	 * Creates the list, without destinations of its own.
	 * @param integration who uploads under these names
	 * @param names the use-case names
	 */
	public KnownUseCases(String integration, List<String> names) {
		this(integration, names, List.of());
	}

	/**
	 * A destination an integration gives one of its use cases.
	 *
	 * @param useCase the use case
	 * @param uriPrefix where its blobs go, such as {@code s3://bucket/prefix}
	 * @param property the setting it comes from, named in startup errors
	 */
	public record Destination(String useCase, String uriPrefix, String property) {

		/**
		 * Creates a destination.
		 * @param useCase the use case
		 * @param uriPrefix the URI prefix
		 * @param property the setting it comes from
		 */
		public Destination {
			Objects.requireNonNull(useCase, "useCase must not be null");
			Objects.requireNonNull(uriPrefix, "uriPrefix must not be null");
			Objects.requireNonNull(property, "property must not be null");
		}

	}

}
