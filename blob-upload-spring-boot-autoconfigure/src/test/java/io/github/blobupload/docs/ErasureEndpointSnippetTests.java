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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.blobupload.testsupport.DocPages;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks that the security chain the erasure page gives for the {@code blobErasure}
 * endpoint is the one its integration test runs.
 */
class ErasureEndpointSnippetTests {

	private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);

	@Test
	void docsChainIsTheTestedOne() {
		String section = DocPages.section(DocPages.read(DocPages.page("docs/erasure-and-retention.md")),
				"The blobErasure endpoint");
		Matcher block = JAVA_BLOCK.matcher(section);
		assertThat(block.find()).as("a java block under 'The blobErasure endpoint'").isTrue();
		String test = DocPages.read(Path
			.of("src/test/java/io/github/blobupload/autoconfigure/erasure/BlobErasureEndpointIntegrationTests.java"));
		assertThat(normalized(test)).contains(normalized(block.group(1)));
	}

	private static String normalized(String code) {
		return code.replaceAll("\\s+", " ").trim();
	}

}
