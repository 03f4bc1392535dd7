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

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.blobupload.testsupport.DocPages;
import org.jspecify.annotations.Nullable;

/**
 * A Markdown page read the way GitHub renders it, as far as these tests need: its
 * headings and their anchors, its links and its tables, code blocks left out.
 *
 * @param path where the page is
 * @param text the page's text
 */
record MarkdownPage(Path path, String text) {

	private static final Pattern HEADING = Pattern.compile("(?m)^(#{1,6}) +(.+?) *#*$");

	private static final Pattern INLINE_CODE = Pattern.compile("`[^`\\n]*`");

	private static final Pattern LINK = Pattern.compile("!?\\[([^\\]]*)\\]\\(([^)\\s]+)(?: +\"[^\"]*\")?\\)");

	private static final Pattern TEXT_OF_LINK = Pattern.compile("!?\\[([^\\]]*)\\]\\([^)]*\\)");

	private static final Pattern NOT_IN_ANCHOR = Pattern.compile("[^\\p{L}\\p{N}\\p{M}_\\- ]");

	/**
	 * Reads a page.
	 * @param path the page
	 * @return the page
	 */
	static MarkdownPage read(Path path) {
		return new MarkdownPage(path, DocPages.read(path));
	}

	/**
	 * Returns the text outside code blocks and inline code spans, each character of code
	 * replaced by a space.
	 * @return the prose
	 */
	String prose() {
		Matcher code = INLINE_CODE.matcher(DocPages.withoutCodeBlocks(this.text));
		StringBuilder result = new StringBuilder();
		while (code.find()) {
			code.appendReplacement(result, " ".repeat(code.group().length()));
		}
		return code.appendTail(result).toString();
	}

	/**
	 * Returns the headings outside code blocks, in order.
	 * @return each heading's level and text as written
	 */
	List<Heading> headings() {
		List<Heading> headings = new ArrayList<>();
		Matcher matcher = HEADING.matcher(DocPages.withoutCodeBlocks(this.text));
		while (matcher.find()) {
			headings.add(new Heading(matcher.group(1).length(), matcher.group(2)));
		}
		return headings;
	}

	/**
	 * Returns the anchors GitHub gives the headings, a repeated one numbered as GitHub
	 * numbers it ({@code -1}, {@code -2}, ...).
	 * @return the anchors, in order
	 */
	Set<String> anchors() {
		Set<String> anchors = new LinkedHashSet<>();
		Map<String, Integer> seen = new HashMap<>();
		for (Heading heading : headings()) {
			String anchor = heading.anchor();
			int count = seen.merge(anchor, 1, Integer::sum);
			anchors.add((count == 1) ? anchor : anchor + "-" + (count - 1));
		}
		return anchors;
	}

	/**
	 * Returns the links and images outside code, in order.
	 * @return each link's text and target as written
	 */
	List<Link> links() {
		List<Link> links = new ArrayList<>();
		String withoutCodeBlocks = DocPages.withoutCodeBlocks(this.text);
		// Link texts may hold inline code; their targets never do.
		Matcher matcher = LINK.matcher(withoutCodeBlocks);
		String prose = prose();
		while (matcher.find()) {
			if (prose.charAt(matcher.start()) != ' ' || prose.charAt(matcher.end() - 1) != ' ') {
				links.add(new Link(matcher.group(1), matcher.group(2)));
			}
		}
		return links;
	}

	/**
	 * Returns the rows of the tables outside code blocks whose header's first cell is a
	 * given text.
	 * @param firstHeader the header of the first column, such as {@code Property}
	 * @return each row's cells, trimmed, header and separator left out
	 */
	List<List<String>> tableRows(String firstHeader) {
		List<List<String>> rows = new ArrayList<>();
		boolean inTable = false;
		for (String line : DocPages.withoutCodeBlocks(this.text).split("\\n")) {
			if (!line.startsWith("|")) {
				inTable = false;
				continue;
			}
			List<String> cells = cells(line);
			if (!inTable) {
				inTable = cells.get(0).equals(firstHeader);
			}
			else if (!cells.get(0).startsWith("---")) {
				rows.add(cells);
			}
		}
		return rows;
	}

	private static List<String> cells(String line) {
		String inner = line.substring(1, line.endsWith("|") ? line.length() - 1 : line.length());
		List<String> cells = new ArrayList<>();
		for (String cell : inner.split("\\|", -1)) {
			cells.add(cell.strip());
		}
		return cells;
	}

	@Override
	public String toString() {
		return this.path.getFileName().toString();
	}

	/**
	 * A heading.
	 *
	 * @param level 1 for {@code #}, 2 for {@code ##}, ...
	 * @param text its text as written
	 */
	record Heading(int level, String text) {

		/**
		 * Returns the anchor GitHub gives this heading: the text as rendered (links
		 * reduced to their text), lower-cased, without punctuation, spaces turned into
		 * hyphens.
		 * @return the anchor, without {@code #}
		 */
		String anchor() {
			String rendered = TEXT_OF_LINK.matcher(this.text).replaceAll("$1");
			return NOT_IN_ANCHOR.matcher(rendered.toLowerCase(Locale.ROOT)).replaceAll("").replace(' ', '-');
		}

	}

	/**
	 * A link or an image.
	 *
	 * @param text its text (or alternative text)
	 * @param target where it points, as written
	 */
	record Link(String text, String target) {

		/**
		 * Returns whether the link leaves the repository (a URL with a scheme).
		 * @return whether it is external
		 */
		boolean isExternal() {
			return this.target.matches("[a-zA-Z][a-zA-Z0-9+.-]*:.*");
		}

		/**
		 * Returns the file part of the target.
		 * @return the path before {@code #}, empty for a link within the page
		 */
		String file() {
			int hash = this.target.indexOf('#');
			return (hash < 0) ? this.target : this.target.substring(0, hash);
		}

		/**
		 * Returns the anchor part of the target.
		 * @return the text after {@code #}, or {@code null} if there is none
		 */
		@Nullable String anchor() {
			int hash = this.target.indexOf('#');
			return (hash < 0) ? null : this.target.substring(hash + 1);
		}

	}

}
