package io.github.blobupload.sample.s3;

import io.github.blobupload.testsupport.ReadmeSnippets;
import org.junit.jupiter.api.Test;

/**
 * Tests that this application's {@code pom.xml} uses exactly the README's S3 snippet.
 */
class ReadmeSnippetTests {

	@Test
	void pomUsesTheReadmeSnippet() {
		ReadmeSnippets.assertPomUsesSnippetOf("Amazon S3");
	}

}
