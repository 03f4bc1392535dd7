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

package io.github.blobupload.sample.otel;

import io.github.blobupload.testsupport.DocSnippets;
import org.junit.jupiter.api.Test;

/**
 * Tests that this application's {@code pom.xml} uses exactly the OpenTelemetry Spring
 * Boot starter snippet of {@code docs/export-guard.md}.
 */
class DocSnippetTests {

	@Test
	void pomUsesTheSnippetOfTheExportGuardPage() {
		DocSnippets.assertPomUsesSnippetOf("docs/export-guard.md", "The OpenTelemetry Spring Boot starter");
	}

}
