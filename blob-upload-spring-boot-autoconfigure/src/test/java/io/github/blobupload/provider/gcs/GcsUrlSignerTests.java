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

package io.github.blobupload.provider.gcs;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.google.auth.oauth2.UserCredentials;
import io.github.blobupload.testsupport.MutableClock;
import io.github.blobupload.testsupport.ServiceAccountKeys;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link GcsUrlSigner}.
 */
class GcsUrlSignerTests {

	private final MutableClock clock = new MutableClock();

	private final GcsUrlSigner signer = new GcsUrlSigner(ServiceAccountKeys.credentials(), Duration.ofHours(1),
			this.clock);

	@Test
	void makesAV4UrlThatTheServiceAccountKeyHasSigned() throws Exception {
		String url = this.signer.sign("my-bucket", "genai/abc.png");
		URI uri = URI.create(url);
		assertThat(uri.getScheme()).isEqualTo("https");
		assertThat(uri.getHost()).isEqualTo("storage.googleapis.com");
		assertThat(uri.getRawPath()).isEqualTo("/my-bucket/genai/abc.png");
		Map<String, String> query = query(uri.getRawQuery());
		assertThat(query).containsEntry("X-Goog-Algorithm", "GOOG4-RSA-SHA256")
			.containsEntry("X-Goog-Expires", "3600")
			.containsEntry("X-Goog-SignedHeaders", "host")
			.containsKeys("X-Goog-Date", "X-Goog-Credential", "X-Goog-Signature");
		String credential = java.net.URLDecoder.decode(query.get("X-Goog-Credential"), StandardCharsets.UTF_8);
		assertThat(credential).startsWith(ServiceAccountKeys.CLIENT_EMAIL + "/")
			.endsWith("/auto/storage/goog4_request");

		// Rebuild the V4 string-to-sign and check the signature with the public key.
		String canonicalQuery = query.entrySet()
			.stream()
			.filter((e) -> !e.getKey().equals("X-Goog-Signature"))
			.sorted(Map.Entry.comparingByKey())
			.map((e) -> e.getKey() + "=" + e.getValue())
			.collect(Collectors.joining("&"));
		String canonicalRequest = "GET\n" + uri.getRawPath() + "\n" + canonicalQuery
				+ "\nhost:storage.googleapis.com\n\n" + "host\nUNSIGNED-PAYLOAD";
		String scope = credential.substring(credential.indexOf('/') + 1);
		String stringToSign = "GOOG4-RSA-SHA256\n" + query.get("X-Goog-Date") + "\n" + scope + "\n" + HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
		Signature rsa = Signature.getInstance("SHA256withRSA");
		rsa.initVerify(ServiceAccountKeys.publicKey());
		rsa.update(stringToSign.getBytes(StandardCharsets.UTF_8));
		assertThat(rsa.verify(HexFormat.of().parseHex(query.get("X-Goog-Signature")))).isTrue();
	}

	@Test
	void reusesAUrlWhileHalfItsValidityRemains() {
		String first = this.signer.sign("my-bucket", "a.png");
		this.clock.advance(Duration.ofMinutes(29));
		assertThat(this.signer.sign("my-bucket", "a.png")).isEqualTo(first);
		assertThat(this.signer.sign("my-bucket", "b.png")).isNotEqualTo(first);
		this.clock.advance(Duration.ofMinutes(2));
		// The signing date has second resolution, so a later signature differs.
		sleepPastTheSecond();
		assertThat(this.signer.sign("my-bucket", "a.png")).isNotEqualTo(first);
	}

	@Test
	void signsAnewForAnObjectItWasToldToForget() {
		String a = this.signer.sign("my-bucket", "a.png");
		String b = this.signer.sign("my-bucket", "b.png");
		String c = this.signer.sign("my-bucket", "c.png");
		sleepPastTheSecond();
		this.signer.forget(List.of(a, "gs://my-bucket/b.png", "gs://other-bucket/c.png"));
		assertThat(this.signer.sign("my-bucket", "a.png")).as("forgotten by its URL").isNotEqualTo(a);
		assertThat(this.signer.sign("my-bucket", "b.png")).as("forgotten by its gs:// URI").isNotEqualTo(b);
		assertThat(this.signer.sign("my-bucket", "c.png")).isEqualTo(c);
	}

	@Test
	void refusesCredentialsThatCannotSignOffline() {
		UserCredentials user = UserCredentials.newBuilder()
			.setClientId("id")
			.setClientSecret("secret")
			.setRefreshToken("token")
			.build();
		assertThatIllegalArgumentException().isThrownBy(() -> GcsUrlSigner.of(user, Duration.ofHours(1), "the test"))
			.withMessageContaining("the Google credentials from the test (UserCredentials) cannot sign URLs offline")
			.withMessageContaining("a service-account key file")
			.withMessageNotContaining("blob.upload.");
		assertThatIllegalArgumentException().isThrownBy(() -> GcsUrlSigner.of(null, Duration.ofHours(1), "the test"))
			.withMessageContaining("(no credentials)");
	}

	@Test
	void refusesAnExpiryLongerThanSevenDays() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new GcsUrlSigner(ServiceAccountKeys.credentials(), Duration.ofDays(8)))
			.withMessage("expiry must be positive and at most 7 days (the longest a Google Cloud Storage V4 signed "
					+ "URL is valid) but was PT192H");
		assertThatIllegalArgumentException().isThrownBy(() -> GcsUrlSigner.checkExpiry(Duration.ZERO))
			.withMessageStartingWith("expiry must be positive");
		assertThat(GcsUrlSigner.checkExpiry(Duration.ofDays(7))).hasDays(7);
	}

	private static Map<String, String> query(String rawQuery) {
		Map<String, String> query = new LinkedHashMap<>();
		Arrays.stream(rawQuery.split("&")).forEach((pair) -> {
			int eq = pair.indexOf('=');
			query.put(pair.substring(0, eq), pair.substring(eq + 1));
		});
		return query;
	}

	private static void sleepPastTheSecond() {
		long start = Instant.now().getEpochSecond();
		while (Instant.now().getEpochSecond() == start) {
			Thread.onSpinWait();
		}
	}

}
