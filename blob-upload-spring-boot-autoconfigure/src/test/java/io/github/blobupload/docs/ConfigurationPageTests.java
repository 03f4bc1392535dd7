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

package io.github.blobupload.docs;

import java.beans.PropertyDescriptor;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.github.blobupload.testsupport.DocPages;
import io.github.blobupload.testsupport.GeneratedMetadata;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.BeanUtils;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the property tables of {@code docs/configuration.md} against the
 * configuration metadata the configuration processor generates from the properties
 * classes: every property has a row, every row names a property, and the default shown is
 * the metadata's. A property table on any other page is held to the same rules.
 */
class ConfigurationPageTests {

	private static final String PAGE = "docs/configuration.md";

	/** How a row names the key of a map property, such as a use case's name. */
	private static final String MAP_KEY = "<name>";

	private static final Pattern ONE_CODE_SPAN = Pattern.compile("`([^`]+)`");

	private static final Pattern PROPERTIES_BLOCK = Pattern.compile("(?ms)^[ \\t]*```properties\\R(.*?)^[ \\t]*```");

	/**
	 * A use case's key as a properties file writes it: {@code use-cases.chat-input.} or
	 * {@code use-cases[chat.input].}.
	 */
	private static final Pattern MAP_ENTRY = Pattern
		.compile("^(blob\\.upload\\.use-cases)(?:\\.[^.\\[]+|\\[[^\\]]+\\])\\.");

	private static final Pattern FIRST_CODE_SPAN = Pattern.compile("`([^`]*)`");

	private final GeneratedMetadata metadata = GeneratedMetadata.load();

	/** The documented names of every property, each with its default, if known. */
	private final Map<String, @Nullable Object> properties = documentedProperties();

	@Test
	void readsThePropertiesAndTheRows() {
		// Guards the checks below against passing on an empty list.
		assertThat(this.properties).containsKeys("blob.upload.enabled", "blob.upload.s3.part-size",
				"blob.upload.use-cases." + MAP_KEY + ".uri-prefix", "management.health.blobupload.enabled");
		assertThat(rows(PAGE)).hasSizeGreaterThan(60);
	}

	@Test
	void everyPropertyHasARow() {
		List<String> documented = rows(PAGE).stream().map(Row::name).toList();
		assertThat(this.properties.keySet()).as("properties without a row in %s", PAGE)
			.filteredOn((name) -> !documented.contains(name))
			.isEmpty();
	}

	@Test
	void noPropertyHasTwoRows() {
		List<String> documented = rows(PAGE).stream().map(Row::name).toList();
		assertThat(documented).as("rows of %s", PAGE).doesNotHaveDuplicates();
	}

	@Test
	void everyRowNamesAProperty() {
		assertThat(allRows()).as("rows naming no property of the metadata")
			.filteredOn((row) -> !this.properties.containsKey(row.name()))
			.isEmpty();
	}

	@Test
	void everyRowShowsTheDefaultOfTheMetadata() {
		List<String> wrong = new ArrayList<>();
		for (Row row : allRows()) {
			if (!this.properties.containsKey(row.name())) {
				continue;
			}
			Object value = this.properties.get(row.name());
			if (value instanceof List<?> list && list.isEmpty()) {
				if (FIRST_CODE_SPAN.matcher(row.defaultValue()).find() || !row.defaultValue().contains("empty")) {
					wrong.add(row + ": the default is empty, so the cell says 'empty' and shows no value");
				}
			}
			else if (value != null) {
				String expected = (value instanceof List<?> list)
						? String.join(",", list.stream().map(String::valueOf).toList()) : String.valueOf(value);
				Matcher shown = FIRST_CODE_SPAN.matcher(row.defaultValue());
				if (!shown.find() || !shown.group(1).equals(expected)) {
					wrong.add(row + ": the default is `" + expected + "`, the cell shows " + row.defaultValue());
				}
			}
		}
		assertThat(wrong).as("defaults that differ from the metadata's").isEmpty();
	}

	@Test
	void everyRowSaysWhatThePropertyDoes() {
		assertThat(allRows()).as("rows without a default or a meaning")
			.filteredOn((row) -> row.defaultValue().isBlank() || row.meaning().isBlank())
			.isEmpty();
	}

	@Test
	void everyPropertiesSnippetSetsKnownPropertiesWithoutTrailingComments() {
		List<String> wrong = new ArrayList<>();
		int settings = 0;
		for (String page : pages()) {
			Matcher block = PROPERTIES_BLOCK.matcher(DocPages.read(DocPages.page(page)));
			while (block.find()) {
				Properties snippet = new Properties();
				try {
					snippet.load(new StringReader(block.group(1)));
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
				for (String key : snippet.stringPropertyNames()) {
					settings++;
					String documented = MAP_ENTRY.matcher(key).replaceFirst("$1." + MAP_KEY + ".");
					if (snippet.getProperty(key).contains(" #")) {
						// A properties file has comments only on lines of their own.
						wrong.add(page + ": " + key + " (a comment after the value is part of the value)");
					}
					else if (key.startsWith("blob.upload.") && !this.properties.containsKey(documented)) {
						wrong.add(page + ": " + key + " (no such property)");
					}
				}
			}
		}
		assertThat(settings).as("settings in properties snippets").isGreaterThan(20);
		assertThat(wrong).as("settings in properties snippets that would not work as written").isEmpty();
	}

	private Map<String, @Nullable Object> documentedProperties() {
		Map<String, @Nullable Object> documented = new LinkedHashMap<>();
		List<Map<String, Object>> all = Stream.concat(this.metadata.properties("blob.upload.").stream(),
				// The health contributors' switches: blobupload, blobretention.
				this.metadata.properties("management.health.blob").stream())
			.toList();
		for (Map<String, Object> property : all) {
			String name = GeneratedMetadata.name(property);
			String type = String.valueOf(property.get("type"));
			if (type.startsWith("java.util.Map<")) {
				documented.putAll(entriesOfMap(name, type));
			}
			else {
				documented.put(name, property.get("defaultValue"));
			}
		}
		return documented;
	}

	/**
	 * Returns the rows a map property needs, such as
	 * {@code blob.upload.use-cases.<name>.enabled} for each property of a map's values,
	 * with the default a new value holds.
	 */
	private static Map<String, @Nullable Object> entriesOfMap(String name, String type) {
		String valueType = type.substring(type.indexOf(',') + 1, type.length() - 1).strip();
		Map<String, @Nullable Object> entries = new LinkedHashMap<>();
		if (valueType.startsWith("java.")) {
			entries.put(name + "." + MAP_KEY, null);
			return entries;
		}
		Class<?> valueClass = ClassUtils.resolveClassName(valueType, ConfigurationPageTests.class.getClassLoader());
		Object newValue = hasNoArgConstructor(valueClass) ? BeanUtils.instantiateClass(valueClass) : null;
		for (PropertyDescriptor descriptor : BeanUtils.getPropertyDescriptors(valueClass)) {
			if (descriptor.getName().equals("class") || descriptor.getReadMethod() == null) {
				continue;
			}
			Object value = (newValue != null) ? readDefault(descriptor, newValue) : null;
			entries.put(name + "." + MAP_KEY + "." + kebab(descriptor.getName()), value);
		}
		return entries;
	}

	private static boolean hasNoArgConstructor(Class<?> type) {
		return !type.isRecord() && Stream.of(type.getConstructors()).anyMatch((c) -> c.getParameterCount() == 0);
	}

	private static @Nullable Object readDefault(PropertyDescriptor descriptor, Object instance) {
		Object value = invoke(descriptor, instance);
		// Only values written the same way in the metadata and on the page.
		return (value instanceof Boolean || value instanceof Number || value instanceof CharSequence) ? value : null;
	}

	private static @Nullable Object invoke(PropertyDescriptor descriptor, Object instance) {
		try {
			return descriptor.getReadMethod().invoke(instance);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String kebab(String camelCase) {
		return camelCase.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
	}

	private static List<Row> allRows() {
		List<Row> rows = new ArrayList<>();
		for (String page : pages()) {
			rows.addAll(rows(page));
		}
		return rows;
	}

	private static List<String> pages() {
		List<String> pages = new ArrayList<>(List.of("README.md"));
		pages.addAll(DocLinksTests.docsPages());
		return pages;
	}

	private static List<Row> rows(String page) {
		MarkdownPage markdown = MarkdownPage.read(DocPages.page(page));
		List<Row> rows = new ArrayList<>();
		for (List<String> cells : markdown.tableRows("Property")) {
			Matcher name = ONE_CODE_SPAN.matcher(cells.get(0));
			rows.add(new Row(page, name.matches() ? name.group(1) : cells.get(0),
					(cells.size() > 1) ? cells.get(1) : "", (cells.size() > 2) ? cells.get(2) : ""));
		}
		return rows;
	}

	/**
	 * A row of a property table.
	 *
	 * @param page the page it is on
	 * @param name the property it names
	 * @param defaultValue its "Default" cell
	 * @param meaning its "Meaning" cell
	 */
	record Row(String page, String name, String defaultValue, String meaning) {

		@Override
		public String toString() {
			return this.page + ": " + this.name;
		}

	}

}
