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
 * Holds a sample application's {@code pom.xml} to the dependency snippet that a page of
 * the documentation shows for it, so that the page cannot drift from a setup the build
 * has compiled, started and tested: the snippet's BOM imports are the pom's whole
 * {@code <dependencyManagement>} (same order, same versions), its dependencies are in the
 * pom, and the pom adds nothing but the starter and Spring Boot starters (versions from
 * the {@code spring-boot-starter-parent} the page names, the starter's version from
 * README.md's quick start).
 */
public final class DocSnippets {

	private static final Pattern XML_BLOCK = Pattern.compile("```xml\\R(.*?)```", Pattern.DOTALL);

	private static final String STARTER = "io.github.blobupload:blob-upload-spring-boot-starter";

	private DocSnippets() {
	}

	/**
	 * Checks the pom of the module in the working directory against the first XML block
	 * of a section of a documentation page.
	 * @param page the page's path from the project's root, such as
	 * {@code docs/storage-providers.md}
	 * @param heading the start of the section's heading, such as {@code "Amazon S3"}
	 */
	public static void assertPomUsesSnippetOf(String page, String heading) {
		Path pom = Path.of("pom.xml").toAbsolutePath();
		Path root = DocPages.root();
		String section = DocPages.section(DocPages.read(DocPages.page(page)), heading);
		String where = page + " section '" + heading + "'";
		String modulePath = root.relativize(pom).toString().replace('\\', '/');
		Matcher block = XML_BLOCK.matcher(section);
		assertThat(block.find()).as("an ```xml block in %s", where).isTrue();
		Element snippet = parse("<snippet>" + block.group(1) + "</snippet>");
		Element project = parse(DocPages.read(pom));

		Element parent = child(project, "parent");
		assertThat(coordinates(parent).key()).as("parent of %s", modulePath)
			.isEqualTo("org.springframework.boot:spring-boot-starter-parent");
		assertThat(section).as("%s names the tested pom and its parent", where)
			.contains("`" + modulePath + "`")
			.contains("`spring-boot-starter-parent` " + text(parent, "version"));

		assertThat(dependencies(project, "dependencyManagement"))
			.as("<dependencyManagement> of %s against %s", modulePath, where)
			.containsExactlyElementsOf(dependencies(snippet, "dependencyManagement"));
		List<Coordinates> declared = dependencies(project, null);
		List<Coordinates> shown = dependencies(snippet, null);
		assertThat(shown).as("dependencies of %s", where).isNotEmpty();
		assertThat(declared).as("dependencies of %s", modulePath).containsAll(shown);
		for (Coordinates dependency : declared) {
			boolean extra = !shown.contains(dependency) && !"test".equals(dependency.scope());
			if (extra && dependency.key().equals(STARTER)) {
				assertThat(DocPages.read(root.resolve("README.md")))
					.as("README shows the starter version %s uses", modulePath)
					.containsPattern("<artifactId>blob-upload-spring-boot-starter</artifactId>\\s*<version>"
							+ Pattern.quote(dependency.version()) + "</version>");
			}
			else if (extra) {
				assertThat(dependency.groupId())
					.as("%s adds only Spring Boot starters to the snippet of %s: %s", modulePath, where, dependency)
					.isEqualTo("org.springframework.boot");
				assertThat(dependency.artifactId()).startsWith("spring-boot-starter");
				assertThat(dependency.version()).as("version of %s", dependency).isNull();
			}
		}
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
