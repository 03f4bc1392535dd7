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

package io.github.blobupload;

import java.util.Arrays;

import io.github.blobupload.testsupport.SampleContent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ContentTypes}.
 */
class ContentTypesTests {

	@Test
	void detectsCommonMediaTypesFromTheirMagicBytes() {
		assertThat(ContentTypes.detectContentType(SampleContent.png())).isEqualTo("image/png");
		assertThat(ContentTypes.detectContentType(SampleContent.jpeg())).isEqualTo("image/jpeg");
		assertThat(ContentTypes.detectContentType(SampleContent.pdf())).isEqualTo("application/pdf");
		assertThat(ContentTypes.detectContentType(SampleContent.wav())).isEqualTo("audio/wav");
	}

	@Test
	void reportsOctetStreamForUnknownOrEmptyContent() {
		assertThat(ContentTypes.detectContentType(SampleContent.unknown())).isEqualTo(ContentTypes.OCTET_STREAM);
		assertThat(ContentTypes.detectContentType(new byte[0])).isEqualTo(ContentTypes.OCTET_STREAM);
	}

	@Test
	void looksOnlyAtTheLeadingBytes() {
		byte[] png = SampleContent.png();
		byte[] large = Arrays.copyOf(png, 4 * 1024 * 1024);
		// A PDF marker far past the header must not change the answer.
		byte[] marker = "%PDF-1.4".getBytes();
		System.arraycopy(marker, 0, large, large.length - 1024, marker.length);
		assertThat(ContentTypes.detectContentType(large)).isEqualTo("image/png");
	}

	@Test
	void givesTheUsualExtensionOfAContentType() {
		assertThat(ContentTypes.extensionFor("image/png")).isEqualTo(".png");
		assertThat(ContentTypes.extensionFor("IMAGE/JPEG; quality=high")).isEqualTo(".jpg");
		assertThat(ContentTypes.extensionFor("application/pdf")).isEqualTo(".pdf");
		assertThat(ContentTypes.extensionFor("audio/vnd.wave")).isEqualTo(".wav");
		assertThat(ContentTypes.extensionFor("audio/wav")).isEqualTo(".wav");
	}

	@Test
	void givesNoExtensionForUnknownOrMalformedTypes() {
		assertThat(ContentTypes.extensionFor("application/x-made-up-type")).isEmpty();
		assertThat(ContentTypes.extensionFor("../../etc/passwd")).isEmpty();
		assertThat(ContentTypes.extensionFor("")).isEmpty();
		assertThat(ContentTypes.extensionFor(null)).isEmpty();
	}

	@Test
	void baseTypeDropsParametersAndLowerCases() {
		assertThat(ContentTypes.baseType(" Audio/PCM ; rate=24000")).isEqualTo("audio/pcm");
	}

}
