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
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.jspecify.annotations.Nullable;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Holds a sample application's {@code pom.xml} to the dependency snippet that README.md
 * shows for it, so that the README cannot drift from a setup the build has compiled,
 * started and tested: the snippet's BOM imports are the pom's whole
 * {@code <dependencyManagement>} (same order, same versions), its dependencies are in the
 * pom, and the pom adds nothing but the starter and Spring Boot starters (versions from
 * the {@code spring-boot-starter-parent} the README names).
 */
public final class ReadmeSnippets {

	private static final Pattern XML_BLOCK = Pattern.compile("```xml\\R(.*?)```", Pattern.DOTALL);

	private static final String STARTER = "io.github.blobupload:blob-upload-spring-boot-starter";

	private ReadmeSnippets() {
	}

	/**
	 * Checks the pom of the module in the working directory against the first XML block
	 * of a README section.
	 * @param heading the start of the section's {@code ###} heading, such as
	 * {@code "Amazon S3"}
	 */
	public static void assertPomUsesSnippetOf(String heading) {
		Path pom = Path.of("pom.xml").toAbsolutePath();
		Path readme = findReadme(pom.getParent());
		String section = section(read(readme), heading);
		String modulePath = readme.getParent().relativize(pom).toString().replace('\\', '/');
		Matcher block = XML_BLOCK.matcher(section);
		assertThat(block.find()).as("an ```xml block in README section '%s'", heading).isTrue();
		Element snippet = parse("<snippet>" + block.group(1) + "</snippet>");
		Element project = parse(read(pom));

		Element parent = child(project, "parent");
		assertThat(coordinates(parent).key()).as("parent of %s", modulePath)
			.isEqualTo("org.springframework.boot:spring-boot-starter-parent");
		assertThat(section).as("README section '%s' names the tested pom and its parent", heading)
			.contains("`" + modulePath + "`")
			.contains("`spring-boot-starter-parent` " + text(parent, "version"));

		assertThat(dependencies(project, "dependencyManagement"))
			.as("<dependencyManagement> of %s against README section '%s'", modulePath, heading)
			.containsExactlyElementsOf(dependencies(snippet, "dependencyManagement"));
		List<Coordinates> declared = dependencies(project, null);
		List<Coordinates> shown = dependencies(snippet, null);
		assertThat(shown).as("dependencies of README section '%s'", heading).isNotEmpty();
		assertThat(declared).as("dependencies of %s", modulePath).containsAll(shown);
		for (Coordinates dependency : declared) {
			boolean extra = !shown.contains(dependency) && !"test".equals(dependency.scope());
			if (extra && dependency.key().equals(STARTER)) {
				assertThat(read(readme)).as("README shows the starter version %s uses", modulePath)
					.containsPattern("<artifactId>blob-upload-spring-boot-starter</artifactId>\\s*<version>"
							+ Pattern.quote(dependency.version()) + "</version>");
			}
			else if (extra) {
				assertThat(dependency.groupId())
					.as("%s adds only Spring Boot starters to the README's snippet: %s", modulePath, dependency)
					.isEqualTo("org.springframework.boot");
				assertThat(dependency.artifactId()).startsWith("spring-boot-starter");
				assertThat(dependency.version()).as("version of %s", dependency).isNull();
			}
		}
	}

	private static Path findReadme(Path directory) {
		for (Path candidate = directory; candidate != null; candidate = candidate.getParent()) {
			if (Files.isRegularFile(candidate.resolve("README.md"))
					&& Files.isDirectory(candidate.resolve("samples"))) {
				return candidate.resolve("README.md");
			}
		}
		throw new IllegalStateException("No README.md above " + directory);
	}

	private static String section(String readme, String heading) {
		int start = readme.indexOf("\n### " + heading);
		assertThat(start).as("README section '### %s'", heading).isNotNegative();
		Matcher next = Pattern.compile("\\n##+ ").matcher(readme);
		return next.find(start + 1) ? readme.substring(start, next.start()) : readme.substring(start);
	}

	private static List<Coordinates> dependencies(Element root, @Nullable String within) {
		Element container = (within != null) ? child(root, within) : root;
		Element dependencies = (container != null) ? child(container, "dependencies") : null;
		List<Coordinates> result = new ArrayList<>();
		if (dependencies != null) {
			for (Node node = dependencies.getFirstChild(); node != null; node = node.getNextSibling()) {
				if (node instanceof Element dependency && dependency.getTagName().equals("dependency")) {
					result.add(coordinates(dependency));
				}
			}
		}
		return result;
	}

	private static Coordinates coordinates(@Nullable Element element) {
		assertThat(element).isNotNull();
		return new Coordinates(text(element, "groupId"), text(element, "artifactId"), text(element, "version"),
				text(element, "type"), text(element, "scope"));
	}

	private static @Nullable Element child(Element element, String name) {
		for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
			if (node instanceof Element child && child.getTagName().equals(name)) {
				return child;
			}
		}
		return null;
	}

	private static @Nullable String text(Element element, String name) {
		Element child = child(element, name);
		return (child != null) ? child.getTextContent().strip() : null;
	}

	private static Element parse(String xml) {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml))).getDocumentElement();
		}
		catch (ParserConfigurationException | SAXException | IOException ex) {
			throw new IllegalStateException("Not well-formed XML: " + ex.getMessage() + "\n" + xml, ex);
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A dependency as a pom declares it.
	 *
	 * @param groupId the group
	 * @param artifactId the artifact
	 * @param version the version, {@code null} when managed
	 * @param type the type, {@code null} for a jar
	 * @param scope the scope, {@code null} for compile
	 */
	record Coordinates(@Nullable String groupId, @Nullable String artifactId, @Nullable String version,
			@Nullable String type, @Nullable String scope) {

		String key() {
			return this.groupId + ":" + this.artifactId;
		}

	}

}
