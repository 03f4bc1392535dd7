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
import java.util.stream.Collectors;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * Thrown at startup when one or more configuration properties have values that cannot be
 * used; lists every one of them, each with its property, the value as written and what is
 * wrong, so that one change of configuration fixes them all. Spring Boot's failure report
 * shows the list.
 * <p>
 * Its cause is the first problem, and the others are suppressed exceptions, so that code
 * looking for an {@link InvalidConfigurationPropertyValueException} finds one.
 */
public class InvalidBlobUploadConfigurationException extends RuntimeException {

	private final List<InvalidConfigurationPropertyValueException> problems;

	/**
	 * Creates the exception.
	 * @param problems the invalid values, at least one
	 */
	public InvalidBlobUploadConfigurationException(List<InvalidConfigurationPropertyValueException> problems) {
		super(message(problems), problems.get(0));
		this.problems = List.copyOf(problems);
		this.problems.stream().skip(1).forEach(this::addSuppressed);
	}

	private static String message(List<InvalidConfigurationPropertyValueException> problems) {
		return ((problems.size() == 1) ? "1 configuration property has an invalid value: "
				: problems.size() + " configuration properties have invalid values: ")
				+ problems.stream().map(Throwable::getMessage).collect(Collectors.joining(" | "));
	}

	/**
	 * Returns the invalid values.
	 * @return each property with its value and what is wrong, in the order found
	 */
	public List<InvalidConfigurationPropertyValueException> getProblems() {
		return this.problems;
	}

}
