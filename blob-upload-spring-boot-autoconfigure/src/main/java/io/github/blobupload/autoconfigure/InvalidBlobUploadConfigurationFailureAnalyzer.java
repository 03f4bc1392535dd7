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

import io.github.blobupload.internal.Redactor;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.origin.Origin;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * Renders an {@link InvalidBlobUploadConfigurationException} as Spring Boot's failure
 * report: one block per invalid value, in the shape of Spring Boot's own report of a
 * failed {@code @Validated} binding (property, value, origin, reason). Values and reasons
 * come redacted ({@link BuilderArguments#invalid}), origins are redacted here: a URI
 * prefix may hold credentials. Ordered first, so that Spring Boot's analyzer of a single
 * invalid value (the exception's cause) does not report the first problem alone.
 */
class InvalidBlobUploadConfigurationFailureAnalyzer
		extends AbstractFailureAnalyzer<InvalidBlobUploadConfigurationException> implements Ordered {

	private final @Nullable Environment environment;

	InvalidBlobUploadConfigurationFailureAnalyzer(@Nullable Environment environment) {
		this.environment = environment;
	}

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidBlobUploadConfigurationException cause) {
		int count = cause.getProblems().size();
		StringBuilder description = new StringBuilder(
				(count == 1) ? "A configuration property has a value that cannot be used:%n".formatted()
						: "%d configuration properties have values that cannot be used:%n".formatted(count));
		for (InvalidConfigurationPropertyValueException problem : cause.getProblems()) {
			description.append("%n    Property: %s%n".formatted(problem.getName()));
			description.append("    Value: \"%s\"%n".formatted(problem.getValue()));
			Origin origin = origin(problem.getName());
			if (origin != null) {
				description.append("    Origin: %s%n".formatted(Redactor.text(origin.toString())));
			}
			description.append("    Reason: %s%n".formatted(problem.getReason()));
		}
		return new FailureAnalysis(description.toString(), "Correct the " + ((count == 1) ? "value" : count + " values")
				+ " above. Every invalid value found is listed, so one change of the configuration fixes them all.",
				cause);
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
