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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.github.blobupload.docs.MarkdownPage.Heading;
import io.github.blobupload.docs.MarkdownPage.Link;
import io.github.blobupload.testsupport.DocPages;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the links of README.md and the pages under {@code docs/}: every relative link
 * names a file of the repository, every anchor a heading of its page (as GitHub makes
 * anchors), and every page starts with a table of contents.
 */
class DocLinksTests {

	private static final int README_MAX_LINES = 250;

	@Test
	void readsTheReadmeAndThePages() {
		// Guards the checks below against passing on no page or no link.
		assertThat(docsPages()).contains("docs/configuration.md", "docs/viewer.md", "docs/spring-ai.md");
		assertThat(pages().stream().mapToLong((page) -> page.links().size()).sum()).isGreaterThan(100);
	}

	@Test
	void everyRelativeLinkNamesAFileOfTheRepository() {
		List<String> broken = new ArrayList<>();
		Path root = DocPages.root();
		for (MarkdownPage page : pages()) {
			for (Link link : page.links()) {
				if (link.isExternal() || link.file().isEmpty()) {
					continue;
				}
				Path target = page.path().getParent().resolve(link.file()).normalize();
				if (!target.startsWith(root) || !Files.exists(target)) {
					broken.add(page + ": " + link.target());
				}
			}
		}
		assertThat(broken).as("relative links to no file").isEmpty();
	}

	@Test
	void everyAnchorNamesAHeadingOfItsPage() {
		List<String> broken = new ArrayList<>();
		for (MarkdownPage page : pages()) {
			for (Link link : page.links()) {
				if (link.isExternal() || link.anchor() == null) {
					continue;
				}
				Path target = link.file().isEmpty() ? page.path()
						: page.path().getParent().resolve(link.file()).normalize();
				if (!target.toString().endsWith(".md") || !Files.isRegularFile(target)) {
					broken.add(page + ": " + link.target() + " (an anchor in no Markdown page)");
				}
				else if (!MarkdownPage.read(target).anchors().contains(link.anchor())) {
					broken.add(page + ": " + link.target());
				}
			}
		}
		assertThat(broken).as("anchors that name no heading").isEmpty();
	}

	@Test
	void everyPageStartsWithATableOfContents() {
		List<String> missing = new ArrayList<>();
		for (MarkdownPage page : pages()) {
			String text = page.text();
			int firstSection = text.indexOf("\n## ");
			String top = (firstSection < 0) ? text : text.substring(0, firstSection);
			List<String> contents = new MarkdownPage(page.path(), top).links().stream().map(Link::target).toList();
			for (Heading heading : page.headings()) {
				if (heading.level() == 2 && !contents.contains("#" + heading.anchor())) {
					missing.add(page + ": " + heading.text());
				}
			}
		}
		assertThat(missing).as("sections missing from the table of contents at the top of their page").isEmpty();
	}

	@Test
	void readmeStaysShort() {
		assertThat(DocPages.read(DocPages.page("README.md")).lines().count()).isLessThanOrEqualTo(README_MAX_LINES);
	}

	@Test
	void quickStartLinksToTheViewerTheExporterChoiceAndSampling() {
		String quickStart = DocPages.section(DocPages.read(DocPages.page("README.md")), "Quick start");
		List<String> targets = new MarkdownPage(DocPages.page("README.md"), quickStart).links()
			.stream()
			.map(Link::target)
			.toList();
		assertThat(targets).contains("docs/viewer.md", "docs/production-checklist.md#3-a-tracing-exporter",
				"docs/production-checklist.md#2-sampling-most-media-is-skipped-by-default");
	}

	@Test
	void anchorsAreMadeAsGitHubMakesThem() {
		assertThat(new Heading(3, "Health (`/actuator/health` → `blobUpload`)").anchor())
			.isEqualTo("health-actuatorhealth--blobupload");
		assertThat(new Heading(2, "Amazon S3 and S3-compatible stores (`s3://BUCKET[/prefix]`)").anchor())
			.isEqualTo("amazon-s3-and-s3-compatible-stores-s3bucketprefix");
		assertThat(new Heading(2, "8. Deleting one user's content").anchor()).isEqualTo("8-deleting-one-users-content");
		assertThat(new Heading(2, "See [the viewer](docs/viewer.md) and snake_case").anchor())
			.isEqualTo("see-the-viewer-and-snake_case");
		MarkdownPage twice = new MarkdownPage(Path.of("twice.md"),
				"## Setup\n\n```\n## Not a heading\n```\n\n## Setup\n");
		assertThat(twice.anchors()).containsExactly("setup", "setup-1");
	}

	@Test
	void linksInCodeAreNoLinks() {
		MarkdownPage page = new MarkdownPage(Path.of("code.md"),
				"A [link](a.md) and `[code](b.md)`.\n\n```\n[block](c.md)\n```\n");
		assertThat(page.links()).extracting(Link::target).containsExactly("a.md");
	}

	static List<String> docsPages() {
		try (Stream<Path> files = Files.list(DocPages.root().resolve("docs"))) {
			return files.map((file) -> "docs/" + file.getFileName())
				.filter((name) -> name.endsWith(".md"))
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<MarkdownPage> pages() {
		return Stream.concat(Stream.of("README.md"), docsPages().stream())
			.map((page) -> MarkdownPage.read(DocPages.page(page)))
			.toList();
	}

}
