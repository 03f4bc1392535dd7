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

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Random;

import io.github.blobupload.testsupport.SampleContent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link Blob#fromDataUri(String)}.
 */
class DataUriBlobTests {

	@Test
	void decodesBase64WithItsMediaType() {
		byte[] png = SampleContent.png();
		Blob blob = Blob.fromDataUri("data:image/png;base64," + Base64.getEncoder().encodeToString(png));
		assertThat(blob.rawBytes()).isEqualTo(png);
		assertThat(blob.contentType()).isEqualTo("image/png");
		assertThat(blob.hasDeclaredContentType()).isTrue();
	}

	@Test
	void keepsMediaTypeParametersAndLowerCasesTheType() {
		Blob blob = Blob.fromDataUri("data:Audio/PCM;rate=24000;BASE64,AAAA");
		assertThat(blob.contentType()).isEqualTo("audio/pcm;rate=24000");
		assertThat(blob.rawBytes()).containsExactly(0, 0, 0);
	}

	@Test
	void detectsTheContentTypeWhenTheUriHasNone() {
		Blob blob = Blob.fromDataUri("data:;base64," + Base64.getEncoder().encodeToString(SampleContent.pdf()));
		assertThat(blob.contentType()).isEqualTo("application/pdf");
		assertThat(blob.hasDeclaredContentType()).isFalse();
	}

	@Test
	void acceptsUrlSafeBase64MissingPaddingAndWhitespace() {
		byte[] bytes = { (byte) 0xfb, (byte) 0xff, (byte) 0xbf, 0x01 };
		String urlSafe = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		assertThat(urlSafe).contains("-").contains("_");
		assertThat(Blob.fromDataUri("data:application/octet-stream;base64," + urlSafe).rawBytes()).isEqualTo(bytes);
		String wrapped = Base64.getMimeEncoder(4, "\r\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(bytes);
		assertThat(Blob.fromDataUri("data:application/octet-stream;base64," + wrapped).rawBytes()).isEqualTo(bytes);
		// One character of the URL-safe alphabet is enough to tell, even the first one.
		assertThat(Blob.fromDataUri("data:application/octet-stream;base64,--A").rawBytes()).containsExactly(0xfb, 0xe0);
		assertThat(Blob.fromDataUri("data:application/octet-stream;base64,__A").rawBytes()).containsExactly(0xff, 0xf0);
		assertThat(Blob.fromDataUri("data:application/octet-stream;base64, \r\n ").size()).isZero();
	}

	@Test
	void decodesPercentEncodedBase64() {
		String encoded = Base64.getEncoder()
			.encodeToString(new byte[] { (byte) 0xfb, (byte) 0xff })
			.replace("+", "%2B")
			.replace("/", "%2F")
			.replace("=", "%3D");
		assertThat(Blob.fromDataUri("data:application/octet-stream;base64," + encoded).rawBytes()).containsExactly(0xfb,
				0xff);
	}

	@Test
	void decodesPercentEncodedText() {
		Blob blob = Blob.fromDataUri("data:text/plain;charset=utf-8,Hello%2C%20w%C3%B6rld+é");
		assertThat(new String(blob.rawBytes(), StandardCharsets.UTF_8)).isEqualTo("Hello, wörld+é");
		assertThat(blob.contentType()).isEqualTo("text/plain;charset=utf-8");
	}

	@Test
	void decodesEscapesWhoseFirstDigitIsZero() {
		assertThat(Blob.fromDataUri("data:text/plain,a%0Ab%09c%00").rawBytes()).containsExactly('a', '\n', 'b', '\t',
				'c', 0);
	}

	@Test
	void encodesCharactersOutsideAsciiAsUtf8() {
		assertThat(Blob.fromDataUri("data:text/plain,\u0080\u007f").rawBytes()).containsExactly(0xc2, 0x80, 0x7f);
	}

	@Test
	void acceptsEveryTokenCharacterInTheMediaType() {
		assertThat(Blob.fromDataUri("data:application/!#$&-^_.+x,abc").contentType())
			.isEqualTo("application/!#$&-^_.+x");
	}

	@Test
	void parametersWithoutATypeMeanTextPlain() {
		assertThat(Blob.fromDataUri("data:;charset=US-ASCII,abc").contentType())
			.isEqualTo("text/plain;charset=US-ASCII");
	}

	@Test
	void emptyDataGivesAnEmptyBlob() {
		assertThat(Blob.fromDataUri("data:,").size()).isZero();
		assertThat(Blob.fromDataUri("data:image/png;base64,").size()).isZero();
	}

	@Test
	void labelsAreAttached() {
		assertThat(Blob.fromDataUri("data:,x", Map.of("trace_id", "abc")).labels()).containsEntry("trace_id", "abc");
	}

	@Test
	void decodesLargeUris() {
		byte[] large = new byte[8 * 1024 * 1024];
		new Random(42).nextBytes(large);
		Blob blob = Blob
			.fromDataUri("data:application/octet-stream;base64," + Base64.getEncoder().encodeToString(large));
		assertThat(blob.rawBytes()).isEqualTo(large);
	}

	@Test
	void rejectsUrisThatAreNotDataUrisNamingTheScheme() {
		assertThatIllegalArgumentException().isThrownBy(() -> Blob.fromDataUri("https://example.com/cat.png"))
			.withMessage("Not a data URI: expected it to start with 'data:' but it starts with 'https:'");
		assertThatIllegalArgumentException().isThrownBy(() -> Blob.fromDataUri(""))
			.withMessageStartingWith("Not a data URI");
		// A scheme of up to 16 characters is named whole, otherwise the first 5
		// characters.
		assertThatIllegalArgumentException().isThrownBy(() -> Blob.fromDataUri("chrome-extension://x/cat.png"))
			.withMessageEndingWith("starts with 'chrome-extension:'");
		assertThatIllegalArgumentException().isThrownBy(() -> Blob.fromDataUri("chrome-extensions://x/cat.png"))
			.withMessageEndingWith("starts with 'chrom'");
		assertThatIllegalArgumentException().isThrownBy(() -> Blob.fromDataUri(":image/png,x"))
			.withMessageEndingWith("starts with ':imag'");
		assertThatIllegalArgumentException().isThrownBy(() -> Blob.fromDataUri("ht\u007ftp\u0000://x"))
			.withMessageEndingWith("starts with 'ht?tp?:'");
	}

	@Test
	void rejectsAMissingComma() {
		assertThatIllegalArgumentException().isThrownBy(() -> Blob.fromDataUri("data:image/png;base64"))
			.withMessageContaining("no ','");
	}

	@Test
	void rejectsInvalidBase64WithoutLeakingTheDecoderOrTheData() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Blob.fromDataUri("data:image/png;base64,SECRETSECRET!!!!"))
			.withMessageStartingWith("Malformed data URI: the base64 data is not valid")
			.withMessageNotContaining("SECRET")
			.withNoCause();
	}

	@Test
	void rejectsBrokenPercentEncodingWithItsOffset() {
		assertThatIllegalArgumentException().isThrownBy(() -> Blob.fromDataUri("data:text/plain,ab%zz"))
			.withMessage(
					"Malformed data URI: invalid percent-encoding at data offset 2 (expected two hex digits after '%')");
		assertThatIllegalArgumentException().isThrownBy(() -> Blob.fromDataUri("data:text/plain,ab%4"))
			.withMessageContaining("percent-encoding");
	}

	@Test
	void rejectsAnEncodingOtherThanBase64() {
		assertThatIllegalArgumentException().isThrownBy(() -> Blob.fromDataUri("data:image/png;base32,MFRGG==="))
			.withMessage("Malformed data URI: unsupported encoding or parameter without a value 'base32'; only "
					+ "';base64' or percent-encoded data can be decoded");
		assertThatIllegalArgumentException().isThrownBy(() -> Blob.fromDataUri("data:text/plain;gzip;base64,AAAA"))
			.withMessageContaining("'gzip'");
		assertThat(Blob.fromDataUri("data:audio/pcm;rate=24000;base64,AAAA").contentType())
			.isEqualTo("audio/pcm;rate=24000");
	}

	@Test
	void rejectsControlAndNonAsciiCharactersInTheMediaType() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Blob.fromDataUri("data:image/png;name=x\r\nX-Injected: 1;base64,AAAA"))
			.withMessage("Malformed data URI: the media type holds a control or non-ASCII character at offset 16");
		assertThatIllegalArgumentException().isThrownBy(() -> Blob.fromDataUri("data:text/plain;name=caf\u00e9,x"))
			.withMessageContaining("non-ASCII");
		assertThatIllegalArgumentException().isThrownBy(() -> Blob.fromDataUri("data:\u0001image/png,x"))
			.withMessage("Malformed data URI: the media type holds a control or non-ASCII character at offset 0");
	}

	@Test
	void rejectsAMalformedMediaType() {
		assertThatIllegalArgumentException().isThrownBy(() -> Blob.fromDataUri("data:imagepng;base64,AAAA"))
			.withMessage("Malformed data URI: the media type 'imagepng' is not of the form type/subtype");
		assertThatIllegalArgumentException().isThrownBy(() -> Blob.fromDataUri("data:image/png/x,AAAA"))
			.withMessageContaining("not of the form type/subtype");
		assertThatIllegalArgumentException().isThrownBy(() -> Blob.fromDataUri("data:ima ge/png,AAAA"))
			.withMessage("Malformed data URI: the media type 'ima ge/png' is not of the form type/subtype");
		assertThatIllegalArgumentException().isThrownBy(() -> Blob.fromDataUri("data:image/,x"))
			.withMessage("Malformed data URI: the media type 'image/' is not of the form type/subtype");
		assertThatIllegalArgumentException().isThrownBy(() -> Blob.fromDataUri("data:/png,x"))
			.withMessage("Malformed data URI: the media type '/png' is not of the form type/subtype");
	}

	@Test
	void namesAMalformedMediaTypeUpTo40Characters() {
		String forty = "x".repeat(40);
		assertThatIllegalArgumentException().isThrownBy(() -> Blob.fromDataUri("data:" + forty + ",x"))
			.withMessage("Malformed data URI: the media type '" + forty + "' is not of the form type/subtype");
		assertThatIllegalArgumentException().isThrownBy(() -> Blob.fromDataUri("data:" + forty + "yz,x"))
			.withMessage("Malformed data URI: the media type '" + forty + "...' is not of the form type/subtype");
	}

}
