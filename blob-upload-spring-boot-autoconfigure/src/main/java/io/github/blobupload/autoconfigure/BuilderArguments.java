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
import java.util.function.Consumer;

import io.github.blobupload.internal.Redactor;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.util.unit.DataSize;
import org.springframework.util.unit.DataUnit;

/**
 * Hands configuration property values to the core's builders, so that each rule is
 * written once, in the builder. A builder setter throws an
 * {@link IllegalArgumentException} whose message starts with the argument's name
 * ({@code maxQueueSize must be at least 1 but was 0}); it becomes an
 * {@link InvalidConfigurationPropertyValueException} that names the property and the
 * value as the user wrote them ({@code Property blob.upload.queue.max-size with value '0'
 * is invalid: It must be at least 1 but was 0.}).
 * <p>
 * For the starter's auto-configurations; not meant for applications.
 */
public final class BuilderArguments {

	private BuilderArguments() {
	}

	/**
	 * Hands a property's value to a builder setter, turning the setter's
	 * {@link IllegalArgumentException} into an exception that names the property.
	 * @param <T> the value's type
	 * @param property the full name of the property, such as
	 * {@code blob.upload.queue.max-size}
	 * @param value the bound value; {@code null} is refused as not set
	 * @param setter the builder setter
	 * @throws InvalidConfigurationPropertyValueException if the setter refuses the value
	 */
	public static <T> void set(String property, @Nullable T value, Consumer<T> setter) {
		try {
			if (value == null) {
				throw new IllegalArgumentException("value must be set");
			}
			setter.accept(value);
		}
		catch (IllegalArgumentException ex) {
			throw invalid(property, value, ex);
		}
	}

	/**
	 * Returns the exception for a property whose value a builder refused.
	 * @param property the full name of the property
	 * @param value the bound value, shown as the user would write it
	 * @param ex the builder's exception, whose message starts with the argument's name
	 * @return the exception to throw
	 */
	public static InvalidConfigurationPropertyValueException invalid(String property, @Nullable Object value,
			IllegalArgumentException ex) {
		// "maxQueueSize must be at least 1 but was 0" becomes "It must be at least 1 but
		// was 0."
		String message = String.valueOf(ex.getMessage());
		String reason = message.substring(message.indexOf(' ') + 1);
		return invalid(property, value, "It " + (reason.endsWith(".") ? reason : reason + "."));
	}

	/**
	 * Returns the exception for a property whose value is refused, typically by a
	 * builder's check of its settings against each other.
	 * @param property the full name of the property
	 * @param value the bound value, shown as the user would write it
	 * @param reason what is wrong and what to do, as one or more sentences
	 * @return the exception to throw
	 */
	public static InvalidConfigurationPropertyValueException invalid(String property, @Nullable Object value,
			String reason) {
		// A URI prefix may hold credentials (s3://key:secret@bucket, a SAS query): never
		// echo them into the failure report.
		Object shown = (value instanceof DataSize size) ? format(size) : (value instanceof Duration duration)
				? format(duration) : (value instanceof String text) ? Redactor.text(text) : value;
		return new InvalidConfigurationPropertyValueException(property, shown, Redactor.text(reason));
	}

	/**
	 * Formats a size as a user would write it: 20MB rather than 20971520B.
	 * @param size the size
	 * @return the size in the largest unit that divides it
	 */
	public static String format(DataSize size) {
		long bytes = size.toBytes();
		for (DataUnit unit : new DataUnit[] { DataUnit.TERABYTES, DataUnit.GIGABYTES, DataUnit.MEGABYTES,
				DataUnit.KILOBYTES }) {
			long unitBytes = DataSize.of(1, unit).toBytes();
			if (bytes != 0 && bytes % unitBytes == 0) {
				return (bytes / unitBytes) + unit.name().substring(0, 1) + "B";
			}
		}
		return bytes + "B";
	}

	/**
	 * Formats a duration as a user would write it: 30s rather than PT30S.
	 * @param duration the duration
	 * @return the duration in the largest unit that divides it ({@code d}, {@code h},
	 * {@code m}, {@code s}, {@code ms}, else {@code ns})
	 */
	public static String format(Duration duration) {
		long nanos = duration.toNanos();
		if (nanos == 0) {
			return "0s";
		}
		long[] unitNanos = { 86_400_000_000_000L, 3_600_000_000_000L, 60_000_000_000L, 1_000_000_000L, 1_000_000L };
		String[] units = { "d", "h", "m", "s", "ms" };
		for (int i = 0; i < units.length; i++) {
			if (nanos % unitNanos[i] == 0) {
				return (nanos / unitNanos[i]) + units[i];
			}
		}
		return nanos + "ns";
	}

}
