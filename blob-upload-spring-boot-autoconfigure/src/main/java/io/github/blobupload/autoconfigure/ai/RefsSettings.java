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

package io.github.blobupload.autoconfigure.ai;

import java.util.List;
import java.util.Locale;

import io.github.blobupload.BlobDestination;
import io.github.blobupload.BlobUploaderRegistry;
import io.github.blobupload.ai.AiUseCases;
import io.github.blobupload.ai.AttributeLayout;
import io.github.blobupload.ai.format.GenAiRefsWriter;
import io.github.blobupload.autoconfigure.KnownUseCases;
import io.github.blobupload.registry.UseCases;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.core.env.Environment;

/**
 * The settings of the {@code refs} layout: {@code blob.upload.ai.refs.*}, defaulting to
 * the environment variables of OpenTelemetry's {@code opentelemetry-util-genai} upload
 * hook, which Spring's relaxed binding does not map onto {@code blob.upload.*}.
 */
final class RefsSettings {

	/** The upload hook's base path: a URI prefix such as {@code s3://bucket/prefix}. */
	static final String BASE_PATH_VARIABLE = "OTEL_INSTRUMENTATION_GENAI_UPLOAD_BASE_PATH";

	/** The upload hook's format: {@code json} or {@code jsonl}. */
	static final String FORMAT_VARIABLE = "OTEL_INSTRUMENTATION_GENAI_UPLOAD_FORMAT";

	private static final String BASE_PATH_PROPERTY = "blob.upload.ai.refs.base-path";

	private RefsSettings() {
	}

	/**
	 * Returns whether the {@code refs} layout is on.
	 * @param properties the properties
	 * @return whether {@code blob.upload.ai.layouts} names it
	 */
	static boolean enabled(BlobUploadAiProperties properties) {
		return properties.getLayouts() != null && properties.getLayouts().contains(AttributeLayout.REFS);
	}

	/**
	 * Returns the destination of the {@link AiUseCases#REFS} use case:
	 * {@code blob.upload.ai.refs.base-path}, else {@value #BASE_PATH_VARIABLE}, when the
	 * layout is on.
	 * @param properties the properties
	 * @param environment the environment
	 * @return the destination, or none (the files go where the registry sends the use
	 * case, by default the default destination)
	 */
	static List<KnownUseCases.Destination> destinations(BlobUploadAiProperties properties, Environment environment) {
		if (!enabled(properties)) {
			return List.of();
		}
		String basePath = properties.getRefs().getBasePath();
		if (basePath != null && !basePath.isBlank()) {
			return List.of(new KnownUseCases.Destination(AiUseCases.REFS, basePath.trim(), BASE_PATH_PROPERTY));
		}
		String fromEnvironment = environment.getProperty(BASE_PATH_VARIABLE);
		if (fromEnvironment != null && !fromEnvironment.isBlank()) {
			return List.of(new KnownUseCases.Destination(AiUseCases.REFS, fromEnvironment.trim(), BASE_PATH_VARIABLE));
		}
		return List.of();
	}

	/**
	 * Returns the file format: {@code blob.upload.ai.refs.format}, else
	 * {@value #FORMAT_VARIABLE}, else {@code json}.
	 * @param properties the properties
	 * @param environment the environment
	 * @return the format
	 * @throws InvalidConfigurationPropertyValueException if the environment variable is
	 * neither {@code json} nor {@code jsonl}
	 */
	static GenAiRefsWriter.Format format(BlobUploadAiProperties properties, Environment environment) {
		GenAiRefsWriter.Format format = properties.getRefs().getFormat();
		if (format != null) {
			return format;
		}
		String fromEnvironment = environment.getProperty(FORMAT_VARIABLE);
		if (fromEnvironment == null || fromEnvironment.isBlank()) {
			return GenAiRefsWriter.Format.JSON;
		}
		return switch (fromEnvironment.trim().toLowerCase(Locale.ROOT)) {
			case "json" -> GenAiRefsWriter.Format.JSON;
			case "jsonl" -> GenAiRefsWriter.Format.JSONL;
			default -> throw new InvalidConfigurationPropertyValueException(FORMAT_VARIABLE, fromEnvironment,
					"It must be json or jsonl; blob.upload.ai.refs.format, when set, wins over it.");
		};
	}

	/**
	 * Returns where the files go, for the startup warning: the registry's destination of
	 * the {@link AiUseCases#REFS} use case, else its default one.
	 * @param registry the registry
	 * @return the URI prefix (without credentials), or a phrase when the registry does
	 * not say
	 */
	static String describeDestination(BlobUploaderRegistry registry) {
		String useCase = UseCases.compact(AiUseCases.REFS);
		List<BlobDestination> destinations = registry.destinations();
		return destinations.stream()
			.filter((destination) -> UseCases.compact(destination.useCase()).equals(useCase))
			.findFirst()
			.or(() -> destinations.stream().findFirst())
			.map(BlobDestination::uriPrefix)
			.orElse("the destination of the use case " + AiUseCases.REFS);
	}

}
