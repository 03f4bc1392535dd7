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

package io.github.blobupload.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The project's documentation: README.md and the pages under {@code docs/}, found from
 * any module's working directory (the build runs each module's tests in its own folder).
 */
public final class DocPages {

	private static final Pattern HEADING = Pattern.compile("(?m)^(#{1,6}) (.+)$");

	private DocPages() {
	}

	/**
	 * Returns the project's root folder: the nearest folder at or above the working
	 * directory that holds README.md, {@code docs/} and {@code samples/}.
	 * @return the root folder
	 * @throws IllegalStateException if there is none
	 */
	public static Path root() {
		Path start = Path.of("").toAbsolutePath();
		for (Path candidate = start; candidate != null; candidate = candidate.getParent()) {
			if (Files.isRegularFile(candidate.resolve("README.md")) && Files.isDirectory(candidate.resolve("docs"))
					&& Files.isDirectory(candidate.resolve("samples"))) {
				return candidate;
			}
		}
		throw new IllegalStateException("No README.md with docs/ and samples/ at or above " + start);
	}

	/**
	 * Returns a page of the documentation.
	 * @param relativePath its path from the root, such as
	 * {@code docs/storage-providers.md}
	 * @return its path
	 */
	public static Path page(String relativePath) {
		Path page = root().resolve(relativePath);
		assertThat(page).as("documentation page %s", relativePath).isRegularFile();
		return page;
	}

	/**
	 * Reads a file as UTF-8.
	 * @param file the file
	 * @return its text
	 */
	public static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Returns a section of a page: from its heading (at any level) to the next heading of
	 * the same or a higher level.
	 * @param markdown the page's text
	 * @param heading the start of the section's heading text, such as {@code "Amazon S3"}
	 * @return the section, its heading included
	 */
	public static String section(String markdown, String heading) {
		Matcher matcher = HEADING.matcher(withoutCodeBlocks(markdown));
		while (matcher.find()) {
			if (matcher.group(2).startsWith(heading)) {
				int level = matcher.group(1).length();
				int start = matcher.start();
				while (matcher.find()) {
					if (matcher.group(1).length() <= level) {
						return markdown.substring(start, matcher.start());
					}
				}
				return markdown.substring(start);
			}
		}
		throw new AssertionError("No section '" + heading + "'");
	}

	/**
	 * Blanks out fenced code blocks (their fences included), keeping every other
	 * character where it was: a {@code #} comment in a shell snippet is no heading, and a
	 * link in a snippet is no link.
	 * @param markdown the page's text
	 * @return the text with each character of a code block replaced by a space, line
	 * breaks kept
	 */
	public static String withoutCodeBlocks(String markdown) {
		StringBuilder result = new StringBuilder(markdown.length());
		boolean inBlock = false;
		for (String line : markdown.split("\n", -1)) {
			boolean fence = line.strip().startsWith("```");
			if (inBlock || fence) {
				result.append(" ".repeat(line.length()));
			}
			else {
				result.append(line);
			}
			if (fence) {
				inBlock = !inBlock;
			}
			result.append('\n');
		}
		return result.substring(0, markdown.length());
	}

}
