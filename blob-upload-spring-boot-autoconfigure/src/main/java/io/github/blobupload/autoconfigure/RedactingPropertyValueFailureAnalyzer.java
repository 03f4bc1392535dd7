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
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * Reports an invalid {@code blob.upload.*} value as Spring Boot's own analyzer does, but
 * with the value as {@link Redactor} shows it: Spring Boot's report repeats the value as
 * written, and a URI prefix may hold credentials ({@code s3://key:secret@bucket}, a SAS
 * query). Other properties are left to Spring Boot.
 */
class RedactingPropertyValueFailureAnalyzer extends AbstractFailureAnalyzer<InvalidConfigurationPropertyValueException>
		implements Ordered {

	private final @Nullable Environment environment;

	RedactingPropertyValueFailureAnalyzer(@Nullable Environment environment) {
		this.environment = environment;
	}

	@Override
	protected @Nullable FailureAnalysis analyze(Throwable rootFailure,
			InvalidConfigurationPropertyValueException cause) {
		if (!cause.getName().startsWith("blob.upload.")) {
			return null;
		}
		String value = Redactor.text(String.valueOf(cause.getValue()));
		String origin = origin(cause.getName());
		String description = "Invalid value '" + value + "' for configuration property '" + cause.getName() + "'"
				+ ((origin != null) ? " (originating from '" + origin + "')" : "") + ".\n\n"
				+ ((cause.getReason() != null) ? Redactor.text(cause.getReason()) : "");
		return new FailureAnalysis(description, "Review the value of the property " + cause.getName() + ".", cause);
	}

	private @Nullable String origin(String name) {
		if (this.environment == null || !ConfigurationPropertyName.isValid(name)) {
			return null;
		}
		ConfigurationPropertyName propertyName = ConfigurationPropertyName.of(name);
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(this.environment)) {
			ConfigurationProperty property = source.getConfigurationProperty(propertyName);
			if (property != null && property.getOrigin() != null) {
				return Redactor.text(property.getOrigin().toString());
			}
		}
		return null;
	}

	@Override
	public int getOrder() {
		// Before Spring Boot's analyzer of the same exception, which has no order; after
		// the report of several values, whose cause is the first of them.
		return Ordered.HIGHEST_PRECEDENCE + 1;
	}

}
