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

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName.Form;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.boot.origin.PropertySourceOrigin;
import org.springframework.core.env.Environment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Checks the {@code blob.upload.*} property names the environment holds against the ones
 * the starter knows (its configuration metadata), so that a mistake is not silently
 * ignored:
 * <ul>
 * <li>an unknown name ({@code blob.upload.uri-prefx}, {@code BLOB_UPLOAD_ENABLE}) is
 * logged as a WARN naming the closest known property;</li>
 * <li>a use case written with dots outside brackets
 * ({@code blob.upload.use-cases.chat.input.uri-prefix}, or
 * {@code BLOB_UPLOAD_USECASES_CHAT_INPUT_URIPREFIX}) is a problem that fails startup:
 * Spring Boot would bind it to a use case named {@code chat} with an unknown setting and
 * route nothing, and a misrouted prompt image lands in the wrong bucket.</li>
 * </ul>
 * Names are compared in Spring Boot's uniform form (lower case, letters and digits), so
 * the properties, YAML and environment-variable spellings of a known name all match it.
 */
final class PropertyNameCheck {

	private static final Logger logger = LoggerFactory.getLogger(PropertyNameCheck.class);

	private static final String PREFIX = "blob.upload.";

	private static final String USE_CASES = PREFIX + "use-cases";

	private static final String[] METADATA = { "META-INF/spring-configuration-metadata.json",
			"META-INF/additional-spring-configuration-metadata.json" };

	private static final Pattern NAME = Pattern.compile("\"name\"\\s*:\\s*\"(blob\\.upload\\.[^\"]+)\"");

	/** The settings of one use case, in uniform form. */
	private static final Set<String> USE_CASE_SETTINGS = Set.of("enabled", "uriprefix", "retention");

	private final Map<String, String> known;

	private PropertyNameCheck(Set<String> knownNames) {
		this.known = new LinkedHashMap<>();
		for (String name : knownNames) {
			this.known.put(uniform(ConfigurationPropertyName.of(name)), name);
		}
	}

	/**
	 * Checks the environment's {@code blob.upload.*} names against the starter's
	 * metadata: warns about unknown names, and adds a use case written with dots outside
	 * brackets to the report.
	 * @param environment the environment
	 * @param report where each use case written with dots outside brackets goes
	 */
	static void check(Environment environment, ConfigurationReport report) {
		new PropertyNameCheck(knownNames(PropertyNameCheck.class.getClassLoader())).checkNames(environment, report);
	}

	/**
	 * Reads the {@code blob.upload.*} names from every configuration metadata file on the
	 * class path.
	 */
	static Set<String> knownNames(ClassLoader classLoader) {
		Set<String> names = new TreeSet<>();
		try {
			for (String resource : METADATA) {
				Enumeration<URL> urls = classLoader.getResources(resource);
				while (urls.hasMoreElements()) {
					try (InputStream in = urls.nextElement().openStream()) {
						Matcher matcher = NAME.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
						while (matcher.find()) {
							names.add(matcher.group(1));
						}
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the configuration metadata", ex);
		}
		return names;
	}

	private void checkNames(Environment environment, ConfigurationReport report) {
		if (this.known.isEmpty()) {
			return; // no metadata on the class path (a repackaged jar without it):
					// nothing to compare with
		}
		ConfigurationPropertyName root = ConfigurationPropertyName.of("blob.upload");
		Set<ConfigurationPropertyName> seen = new TreeSet<>();
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
			if (!(source instanceof IterableConfigurationPropertySource iterable)) {
				continue;
			}
			iterable.stream().filter(root::isAncestorOf).forEach((name) -> {
				if (seen.add(name)) {
					checkName(source, withoutIndexes(name), report);
				}
			});
		}
	}

	private void checkName(ConfigurationPropertySource source, ConfigurationPropertyName name,
			ConfigurationReport report) {
		if (isUseCase(name)) {
			checkUseCase(source, name, report);
			return;
		}
		if (this.known.containsKey(uniform(name))) {
			return;
		}
		String closest = closest(name.toString(), this.known.values());
		logger.warn("Unknown property {}{} is ignored{}", describe(source, name), origin(source, name),
				(closest != null) ? "; did you mean " + closest + "?" : "");
	}

	private void checkUseCase(ConfigurationPropertySource source, ConfigurationPropertyName name,
			ConfigurationReport report) {
		int elements = name.getNumberOfElements();
		String last = name.getLastElement(Form.UNIFORM);
		if (elements == 5 && USE_CASE_SETTINGS.contains(last)) {
			return;
		}
		if (elements > 5 && USE_CASE_SETTINGS.contains(last)) {
			StringBuilder useCase = new StringBuilder();
			for (int i = 3; i < elements - 1; i++) {
				useCase.append((useCase.length() > 0) ? "." : "").append(name.getElement(i, Form.DASHED));
			}
			String setting = "uriprefix".equals(last) ? "uri-prefix" : last;
			ConfigurationProperty property = source.getConfigurationProperty(name);
			report.invalid(describe(source, name), (property != null) ? property.getValue() : null,
					"A use-case name with dots must be written in brackets, or with dashes: " + USE_CASES + ".["
							+ useCase + "]." + setting + " or " + USE_CASES + "." + useCase.toString().replace('.', '-')
							+ "." + setting + " (in YAML, the key under use-cases is \"[" + useCase
							+ "]\": with the quotes; in the environment: BLOB_UPLOAD_USECASES_"
							+ useCase.toString().replace(".", "").toUpperCase(Locale.ROOT) + "_"
							+ setting.replace("-", "").toUpperCase(Locale.ROOT)
							+ "). Written this way it would configure a use case named '"
							+ name.getElement(3, Form.DASHED) + "' and route nothing.");
			return;
		}
		logger.warn(
				"Unknown property {}{} is ignored; a use case takes {}.NAME.enabled, {}.NAME.uri-prefix and "
						+ "{}.NAME.retention",
				describe(source, name), origin(source, name), USE_CASES, USE_CASES, USE_CASES);
	}

	private static boolean isUseCase(ConfigurationPropertyName name) {
		return name.getNumberOfElements() > 3 && "usecases".equals(name.getElement(2, Form.UNIFORM));
	}

	private static ConfigurationPropertyName withoutIndexes(ConfigurationPropertyName name) {
		ConfigurationPropertyName result = name;
		while (result.getNumberOfElements() > 0 && result.isNumericIndex(result.getNumberOfElements() - 1)) {
			result = result.getParent();
		}
		return result;
	}

	/** The name as the user wrote it (an environment variable stays one). */
	private static String describe(ConfigurationPropertySource source, ConfigurationPropertyName name) {
		String variable = environmentVariable(source, name);
		return (variable != null) ? variable : name.toString();
	}

	/**
	 * Where the property was set, unless it is an environment variable (named already).
	 */
	private static String origin(ConfigurationPropertySource source, ConfigurationPropertyName name) {
		ConfigurationProperty property = source.getConfigurationProperty(name);
		if (property == null || property.getOrigin() == null || environmentVariable(source, name) != null) {
			return "";
		}
		return " (" + property.getOrigin() + ")";
	}

	private static @Nullable String environmentVariable(ConfigurationPropertySource source,
			ConfigurationPropertyName name) {
		ConfigurationProperty property = source.getConfigurationProperty(name);
		if (property != null && property.getOrigin() instanceof PropertySourceOrigin origin
				&& origin.getPropertySource() instanceof SystemEnvironmentPropertySource) {
			return origin.getPropertyName();
		}
		return null;
	}

	private static String uniform(ConfigurationPropertyName name) {
		StringBuilder uniform = new StringBuilder();
		for (int i = 0; i < name.getNumberOfElements(); i++) {
			uniform.append(name.getElement(i, Form.UNIFORM));
		}
		return uniform.toString();
	}

	/**
	 * The known name at the smallest edit distance, if it is close enough to be a typo.
	 */
	static @Nullable String closest(String name, Iterable<String> known) {
		String best = null;
		int bestDistance = Integer.MAX_VALUE;
		String lower = name.toLowerCase(Locale.ROOT);
		for (String candidate : known) {
			int distance = distance(lower, candidate);
			if (distance < bestDistance) {
				best = candidate;
				bestDistance = distance;
			}
		}
		// A quarter of the name's length is a typo; more than that is another name.
		return (best != null && bestDistance <= Math.max(3, name.length() / 4)) ? best : null;
	}

	private static int distance(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int substitution = previous[j - 1] + ((a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1);
				current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

}
