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

import io.github.blobupload.internal.Redactor;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.origin.Origin;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * Renders an invalid {@code blob.upload.*} configuration as Spring Boot's failure report:
 * one block per invalid value, in the shape of Spring Boot's own report of a failed
 * {@code @Validated} binding (property, value, origin, reason). It reports an
 * {@link InvalidBlobUploadConfigurationException} (every problem found before the context
 * started) and a single {@link InvalidConfigurationPropertyValueException} of a
 * {@code blob.upload.*} property, which Spring Boot's own analyzer would report with the
 * value read back as written. Values, reasons and origins pass through {@link Redactor}:
 * a URI prefix may hold credentials. Ordered first, before Spring Boot's analyzer of the
 * same exceptions; other properties are left to Spring Boot.
 */
class InvalidBlobUploadConfigurationFailureAnalyzer implements FailureAnalyzer, Ordered {

	private final @Nullable Environment environment;

	InvalidBlobUploadConfigurationFailureAnalyzer(@Nullable Environment environment) {
		this.environment = environment;
	}

	@Override
	public @Nullable FailureAnalysis analyze(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof InvalidBlobUploadConfigurationException invalid) {
				return analysis(invalid.getProblems(), invalid, " Every invalid value found is listed, so one "
						+ "change of the configuration fixes them all.");
			}
		}
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof InvalidConfigurationPropertyValueException invalid
					&& invalid.getName().startsWith("blob.upload.")) {
				return analysis(List.of(invalid), invalid, "");
			}
		}
		return null;
	}

	private FailureAnalysis analysis(List<InvalidConfigurationPropertyValueException> problems, Throwable cause,
			String allListed) {
		int count = problems.size();
		StringBuilder description = new StringBuilder(
				(count == 1) ? "A configuration property has a value that cannot be used:%n".formatted()
						: "%d configuration properties have values that cannot be used:%n".formatted(count));
		for (InvalidConfigurationPropertyValueException problem : problems) {
			description.append("%n    Property: %s%n".formatted(problem.getName()));
			description.append("    Value: \"%s\"%n".formatted(Redactor.text(String.valueOf(problem.getValue()))));
			Origin origin = origin(problem.getName());
			if (origin != null) {
				description.append("    Origin: %s%n".formatted(Redactor.text(origin.toString())));
			}
			description.append("    Reason: %s%n".formatted(Redactor.text(String.valueOf(problem.getReason()))));
		}
		return new FailureAnalysis(description.toString(),
				"Correct the " + ((count == 1) ? "value" : count + " values") + " above." + allListed, cause);
	}

	private @Nullable Origin origin(String property) {
		if (this.environment == null || !ConfigurationPropertyName.isValid(property)) {
			return null;
		}
		ConfigurationPropertyName name = ConfigurationPropertyName.of(property);
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(this.environment)) {
			ConfigurationProperty found = source.getConfigurationProperty(name);
			if (found != null) {
				return found.getOrigin();
			}
		}
		return null;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
