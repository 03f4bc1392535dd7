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

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import io.github.blobupload.BlobUploaders;
import io.github.blobupload.registry.DefaultBlobUploaderRegistry;
import io.github.blobupload.registry.UseCases;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.core.env.PropertySource;

/**
 * The use cases configured under {@code blob.upload.use-cases}, one per use case however
 * many spellings it is given in. Spring Boot binds {@code chat-input} from a properties
 * file and {@code CHATINPUT} from an environment variable to two map entries; here they
 * are one use case, each of its settings taken with Spring's property-source precedence
 * (the environment overrides the file, as for every other property). Only two spellings
 * of the same setting with different values in the same property source are a problem.
 * Each name is checked by the registry's builder, which owns the rule.
 */
final class ConfiguredUseCases {

	private static final String USE_CASES = "blob.upload.use-cases";

	private ConfiguredUseCases() {
	}

	/**
	 * Merges the spellings of each use case.
	 * @param bound the bound map, a key per spelling
	 * @param report where problems go, and the property sources, highest precedence first
	 * @return the use cases, in the order of their first spelling
	 */
	static List<ConfiguredUseCase> of(Map<String, BlobUploadProperties.UseCase> bound, ConfigurationReport report) {
		Map<String, List<String>> spellings = new LinkedHashMap<>();
		for (String key : bound.keySet()) {
			String property = property(key);
			boolean valid = report.check(() -> {
				try {
					DefaultBlobUploaderRegistry.builder().useCase(key, BlobUploaders.disabled());
				}
				catch (IllegalArgumentException ex) {
					throw BuilderArguments.invalid(property, key, ex);
				}
			});
			if (valid) {
				spellings.computeIfAbsent(UseCases.compact(key), (compact) -> new ArrayList<>()).add(key);
			}
		}
		List<ConfiguredUseCase> useCases = new ArrayList<>();
		for (List<String> keys : spellings.values()) {
			String uriPrefixKey = winner(keys, "uri-prefix", report, (key) -> bound.get(key).getUriPrefix());
			String enabledKey = winner(keys, "enabled", report, (key) -> null);
			String retentionKey = winner(keys, "retention", report, (key) -> bound.get(key).getRetention());
			useCases.add(new ConfiguredUseCase(name(keys), property(keys.get(0)), bound.get(enabledKey).isEnabled(),
					bound.get(uriPrefixKey).getUriPrefix(), property(uriPrefixKey) + ".uri-prefix",
					bound.get(retentionKey).getRetention(), property(retentionKey) + ".retention"));
		}
		return useCases;
	}

	/**
	 * Returns the spelling whose value of a setting wins: the one in the source of
	 * highest precedence that holds the setting in any spelling. A value set by code
	 * rather than in a property source is taken from the first spelling that has one.
	 */
	private static String winner(List<String> keys, String setting, ConfigurationReport report,
			Function<String, @Nullable Object> boundValue) {
		if (keys.size() > 1) {
			for (ConfigurationPropertySource source : report.sources()) {
				Map<String, Object> values = new LinkedHashMap<>();
				for (String key : keys) {
					ConfigurationProperty property = source.getConfigurationProperty(
							ConfigurationPropertyName.of(USE_CASES).append(element(key)).append(setting));
					if (property != null) {
						values.put(key, property.getValue());
					}
				}
				if (values.isEmpty()) {
					continue;
				}
				Set<String> distinct = new LinkedHashSet<>();
				values.values().forEach((value) -> distinct.add(String.valueOf(value)));
				if (distinct.size() > 1) {
					List<String> written = new ArrayList<>();
					values.forEach((key, value) -> written.add(property(key) + "." + setting + "=" + value));
					String last = List.copyOf(values.keySet()).get(values.size() - 1);
					report.invalid(property(last) + "." + setting, values.get(last),
							"The use case '" + name(keys) + "' is given different values of " + setting
									+ " under different spellings in the same place (" + sourceName(source) + "): "
									+ String.join(", ", written) + ". Keep one spelling.");
				}
				return values.keySet().iterator().next();
			}
		}
		return keys.stream().filter((key) -> boundValue.apply(key) != null).findFirst().orElse(keys.get(0));
	}

	/**
	 * The folder form of a use case's name: the spelling that keeps the most separators
	 * ({@code chat-input} rather than the environment's {@code chatinput}).
	 */
	private static String name(List<String> keys) {
		String best = UseCases.normalize(keys.get(0));
		for (String key : keys) {
			String normalized = UseCases.normalize(key);
			if (normalized.length() > best.length()) {
				best = normalized;
			}
		}
		return best;
	}

	private static Object sourceName(ConfigurationPropertySource source) {
		return (source.getUnderlyingSource() instanceof PropertySource<?> propertySource) ? propertySource.getName()
				: source;
	}

	private static String element(String key) {
		return ConfigurationPropertyName.isValid(key) && !key.contains(".") ? key : "[" + key + "]";
	}

	private static String property(String key) {
		return USE_CASES + "." + key;
	}

	/**
	 * A configured use case.
	 *
	 * @param name the name in folder form, such as {@code chat-input}
	 * @param property the property of its first spelling, such as
	 * {@code blob.upload.use-cases.chat-input}
	 * @param enabled whether it uploads
	 * @param uriPrefix its prefix, or {@code null} for a folder of the default prefix
	 * @param uriPrefixProperty the property its prefix comes from, as spelled where it
	 * was set
	 * @param retention its retention, or {@code null} for the default one
	 * @param retentionProperty the property its retention comes from
	 */
	record ConfiguredUseCase(String name, String property, boolean enabled, @Nullable String uriPrefix,
			String uriPrefixProperty, @Nullable Duration retention, String retentionProperty) {
	}

}
