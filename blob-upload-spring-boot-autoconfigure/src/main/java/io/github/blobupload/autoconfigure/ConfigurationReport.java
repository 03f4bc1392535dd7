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
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import io.github.blobupload.internal.Redactor;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.AbstractBindHandler;
import org.springframework.boot.context.properties.bind.BindContext;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.core.env.Environment;
import org.springframework.util.unit.DataSize;

/**
 * What the {@link ConfigurationCheck}s of one startup found: each invalid value, with its
 * property, the value as written and what is wrong. The checks bind the properties
 * through it, so that a value that cannot even be converted (a {@code worker.threads} of
 * {@code two}) is one more problem instead of the end of the check.
 * <p>
 * For the starter's auto-configurations; not meant for applications.
 */
public final class ConfigurationReport {

	private final @Nullable Environment environment;

	private final Binder binder;

	private @Nullable ClassLoader classLoader;

	private final List<InvalidConfigurationPropertyValueException> problems = new ArrayList<>();

	/**
	 * Creates a report for the properties of an environment.
	 * @param environment the environment whose properties are checked
	 */
	public ConfigurationReport(Environment environment) {
		this.environment = environment;
		this.binder = Binder.get(environment);
	}

	private ConfigurationReport() {
		this.environment = null;
		this.binder = new Binder(List.of());
	}

	/**
	 * Returns a report for values bound already, with no environment to bind from or to
	 * read the values as written from.
	 * @return an empty report
	 */
	static ConfigurationReport withoutEnvironment() {
		return new ConfigurationReport();
	}

	/**
	 * Sets the class loader of the application whose configuration is checked.
	 * @param classLoader the class loader, or {@code null} for this class's
	 */
	void classLoader(@Nullable ClassLoader classLoader) {
		this.classLoader = classLoader;
	}

	/**
	 * Returns the class loader of the application whose configuration is checked, for a
	 * check that depends on what is on its class path.
	 * @return the application's class loader
	 */
	public ClassLoader classLoader() {
		return (this.classLoader != null) ? this.classLoader : ConfigurationReport.class.getClassLoader();
	}

	/**
	 * Returns the property sources, highest precedence first.
	 * @return the sources; empty without an environment
	 */
	public Iterable<ConfigurationPropertySource> sources() {
		return (this.environment != null) ? ConfigurationPropertySources.get(this.environment) : List.of();
	}

	/**
	 * Returns the environment.
	 * @return the environment, or {@code null} for a report of values bound already
	 */
	public @Nullable Environment environment() {
		return this.environment;
	}

	/**
	 * Returns the binder, for a check that reads a value of another project's property
	 * (such as {@code server.forward-headers-strategy}). Prefer {@link #bind}, which adds
	 * a value that cannot be converted to the report.
	 * @return the binder of the environment's properties
	 */
	public Binder binder() {
		return this.binder;
	}

	/**
	 * Binds the properties under a prefix to a new instance of a properties class. A
	 * value that cannot be converted is added as a problem, and the field keeps its
	 * default.
	 * @param <T> the properties class
	 * @param prefix the prefix, such as {@code blob.upload}
	 * @param type the properties class, with a no-argument constructor
	 * @return the bound instance
	 */
	public <T> T bind(String prefix, Class<T> type) {
		return this.binder.bindOrCreate(prefix, Bindable.of(type), new AbstractBindHandler() {

			@Override
			public @Nullable Object onFailure(ConfigurationPropertyName name, Bindable<?> target, BindContext context,
					Exception error) {
				ConfigurationProperty property = context.getConfigurationProperty();
				invalid(name.toString(), (property != null) ? property.getValue() : null,
						"It cannot be read as " + describe(target) + ".");
				return null;
			}

		});
	}

	private static String describe(Bindable<?> target) {
		Class<?> type = target.getType().resolve(Object.class);
		if (type == Duration.class) {
			return "a duration, such as 30s, 500ms or 5m";
		}
		if (type == DataSize.class) {
			return "a size, such as 20MB or 512KB";
		}
		if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
			return "a whole number";
		}
		if (type == boolean.class || type == Boolean.class) {
			return "true or false";
		}
		if (type.isEnum()) {
			List<String> values = new ArrayList<>();
			for (Object constant : type.getEnumConstants()) {
				values.add(((Enum<?>) constant).name().toLowerCase(Locale.ROOT).replace('_', '-'));
			}
			return "one of " + String.join(", ", values);
		}
		return "a " + type.getSimpleName();
	}

	/**
	 * Hands a property's value to a builder setter, adding the setter's
	 * {@link IllegalArgumentException} as a problem naming the property; see
	 * {@link BuilderArguments#set}.
	 * @param <T> the value's type
	 * @param property the full name of the property, such as
	 * {@code blob.upload.queue.max-size}
	 * @param value the bound value; {@code null} is refused as not set
	 * @param setter the builder setter
	 * @return whether the setter took the value
	 */
	public <T> boolean set(String property, @Nullable T value, Consumer<T> setter) {
		return check(() -> BuilderArguments.set(property, value, setter));
	}

	/**
	 * Runs a check that throws an {@link InvalidConfigurationPropertyValueException} (or
	 * an {@link InvalidBlobUploadConfigurationException} holding several), adding what it
	 * throws as problems.
	 * @param check the check
	 * @return whether the check passed
	 */
	public boolean check(Runnable check) {
		try {
			check.run();
			return true;
		}
		catch (InvalidConfigurationPropertyValueException ex) {
			add(ex);
		}
		catch (InvalidBlobUploadConfigurationException ex) {
			ex.getProblems().forEach(this::add);
		}
		return false;
	}

	/**
	 * Adds a problem: a property whose value is refused, typically by a check of settings
	 * against each other.
	 * @param property the full name of the property
	 * @param value the bound value; the value as written in the environment is shown
	 * instead when there is one, credentials redacted
	 * @param reason what is wrong and what to do, as one or more sentences
	 */
	public void invalid(String property, @Nullable Object value, String reason) {
		add(BuilderArguments.invalid(property, value, reason));
	}

	/**
	 * Adds a problem with a property that holds a secret: its value, as bound or as
	 * written, is never shown; only whether it is set.
	 * @param property the full name of the property
	 * @param set whether the property has a value
	 * @param reason what is wrong and what to do, as one or more sentences; must not hold
	 * the value
	 */
	public void invalidSecret(String property, boolean set, String reason) {
		this.problems.add(new InvalidConfigurationPropertyValueException(property, set ? "(hidden)" : "(not set)",
				Redactor.text(reason)));
	}

	private void add(InvalidConfigurationPropertyValueException problem) {
		Object written = asWritten(problem.getName());
		// Through BuilderArguments.invalid again, which redacts what a value may hold
		// (credentials in a URI prefix).
		this.problems.add((written != null)
				? BuilderArguments.invalid(problem.getName(), written, String.valueOf(problem.getReason())) : problem);
	}

	/**
	 * Returns the value of a property as the highest-precedence source holds it.
	 * @param property the property
	 * @return the value, or {@code null} if no source holds it
	 */
	private @Nullable Object asWritten(String property) {
		if (!ConfigurationPropertyName.isValid(property)) {
			return null;
		}
		ConfigurationPropertyName name = ConfigurationPropertyName.of(property);
		for (ConfigurationPropertySource source : sources()) {
			ConfigurationProperty found = source.getConfigurationProperty(name);
			if (found != null) {
				return found.getValue();
			}
		}
		return null;
	}

	/**
	 * Returns whether a problem was found with a property.
	 * @param property the full name of the property
	 * @return whether the report holds a problem with it
	 */
	public boolean isInvalid(String property) {
		return this.problems.stream().anyMatch((problem) -> problem.getName().equals(property));
	}

	/**
	 * Returns the problems found, in the order found.
	 * @return an unmodifiable list
	 */
	public List<InvalidConfigurationPropertyValueException> problems() {
		return Collections.unmodifiableList(this.problems);
	}

	/**
	 * Throws if any problem was found.
	 * @throws InvalidBlobUploadConfigurationException listing every problem
	 */
	public void throwIfInvalid() {
		if (!this.problems.isEmpty()) {
			throw new InvalidBlobUploadConfigurationException(this.problems);
		}
	}

}
