package io.github.blobupload.sample.azure;

import io.github.blobupload.testsupport.ReadmeSnippets;
import org.junit.jupiter.api.Test;

/**
 * Tests that this application's {@code pom.xml} uses exactly the README's Azure Blob Storage snippet.
 */
class ReadmeSnippetTests {

	@Test
	void pomUsesTheReadmeSnippet() {
		ReadmeSnippets.assertPomUsesSnippetOf("Azure Blob Storage");
	}

}
