package io.github.blobupload.sample.gcs;

import io.github.blobupload.testsupport.ReadmeSnippets;
import org.junit.jupiter.api.Test;

/**
 * Tests that this application's {@code pom.xml} uses exactly the README's Google Cloud Storage snippet.
 */
class ReadmeSnippetTests {

	@Test
	void pomUsesTheReadmeSnippet() {
		ReadmeSnippets.assertPomUsesSnippetOf("Google Cloud Storage");
	}

}
