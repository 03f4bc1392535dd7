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

package io.github.blobupload.viewer;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.google.cloud.storage.contrib.nio.testing.LocalStorageHelper;
import io.github.blobupload.Blob;
import io.github.blobupload.BlobNamingStrategies;
import io.github.blobupload.SimpleBlobUploader;
import io.github.blobupload.provider.gcs.GcsBlobStorageProvider;
import io.github.blobupload.provider.gcs.GcsUploadOptions;
import io.github.blobupload.provider.gcs.GcsUrlSigner;
import io.github.blobupload.provider.internal.LazyClient;
import io.github.blobupload.testsupport.InMemoryStore;
import io.github.blobupload.testsupport.ServiceAccountKeys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link RedirectDelivery}: Google Cloud Storage (no emulator signs here) read
 * through its provider's reader on Google's in-memory fake, the {@code Location} header
 * checked down to its V4 signature; a store that cannot sign keeps streaming.
 */
class RedirectDeliveryTests {

	private static final String SVG = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>";

	private final InMemoryStore files = new InMemoryStore("file:///store/files");

	private SimpleBlobUploader gcs;

	private BlobViewerServlet servlet;

	@BeforeEach
	void setUp() {
		GcsUrlSigner signer = new GcsUrlSigner(ServiceAccountKeys.credentials(), Duration.ofHours(1));
		this.gcs = new GcsBlobStorageProvider(
				LazyClient.ofInstance("gcs", LocalStorageHelper.customOptions(false).getService()),
				GcsUploadOptions.defaults(), null, LazyClient.ofInstance("signer", signer))
			.createUploader("gs://media-bucket/viewer", BlobNamingStrategies.contentAddressed());
		ViewerDestinations destinations = ViewerDestinations
			.of(List.of(InMemoryStore.destination("media", this.gcs.blobReader().orElseThrow()),
					InMemoryStore.destination("files", this.files)));
		this.servlet = new BlobViewerServlet(destinations, null, ViewerAccess.LOCAL, new ViewerAuditLog(),
				BlobViewerServlet.DEFAULT_MAX_CONCURRENT_READS, new RedirectDelivery(Duration.ofMinutes(5)));
	}

	@Test
	void gcsSvgRedirectsToSignedUrlServedAsAttachment() throws Exception {
		String name = upload(SVG.getBytes(StandardCharsets.UTF_8), "image/svg+xml");
		MockHttpServletResponse response = get("GET", "/blob-viewer/media/" + name);
		assertThat(response.getStatus()).isEqualTo(307);
		assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");
		assertThat(response.getContentAsByteArray()).isEmpty();
		URI location = URI.create(response.getHeader("Location"));
		assertThat(location.getScheme() + "://" + location.getHost()).isEqualTo("https://storage.googleapis.com");
		assertThat(location.getPath()).isEqualTo("/media-bucket/viewer/" + name);
		Map<String, String> query = query(location);
		assertThat(query).containsEntry("X-Goog-Algorithm", "GOOG4-RSA-SHA256")
			.containsEntry("X-Goog-Expires", "300")
			.containsEntry("X-Goog-SignedHeaders", "host")
			.containsEntry("response-content-type", "image/svg+xml")
			.containsEntry("response-content-disposition", "attachment; filename=\"" + name + "\"")
			.containsKey("X-Goog-Signature");
		assertThat(query.get("X-Goog-Credential")).startsWith(ServiceAccountKeys.CLIENT_EMAIL + "/");
		assertThat(signatureIsValid(location)).as("the overrides are inside the V4 signature").isTrue();
	}

	@Test
	void gcsPngRedirectIsInlineWithItsType() throws Exception {
		String name = upload(new byte[] { (byte) 0x89, 'P', 'N', 'G' }, "image/png");
		Map<String, String> query = query(URI.create(get("GET", "/blob-viewer/media/" + name).getHeader("Location")));
		assertThat(query).containsEntry("response-content-type", "image/png")
			.containsEntry("response-content-disposition", "inline; filename=\"" + name + "\"");
	}

	@Test
	void missingObjectIs404WithoutSigning() throws Exception {
		MockHttpServletResponse response = get("GET", "/blob-viewer/media/absent.png");
		assertThat(response.getStatus()).isEqualTo(404);
		assertThat(response.getHeader("Location")).isNull();
	}

	@Test
	void headAndStoresThatCannotSignAreStreamed() throws Exception {
		String name = upload("text".getBytes(StandardCharsets.UTF_8), "text/plain");
		MockHttpServletResponse head = get("HEAD", "/blob-viewer/media/" + name);
		assertThat(head.getStatus()).isEqualTo(200);
		assertThat(head.getHeader("Location")).isNull();
		this.files.put("a.txt", "hello".getBytes(StandardCharsets.UTF_8), "text/plain", Map.of());
		MockHttpServletResponse file = get("GET", "/blob-viewer/files/a.txt");
		assertThat(file.getStatus()).isEqualTo(200);
		assertThat(file.getContentAsString()).isEqualTo("hello");
	}

	@Test
	void pagesAllowImagesAndMediaFromTheStore() throws Exception {
		String name = upload(new byte[] { 1, 2, 3 }, "audio/wav");
		String csp = get("GET", "/blob-viewer/blobs/media/" + name).getHeader("Content-Security-Policy");
		assertThat(csp).contains("img-src 'self' https://storage.googleapis.com;",
				"media-src 'self' https://storage.googleapis.com;", "default-src 'none'");
	}

	@Test
	void expiryMustBePositiveAndAtMostSevenDays() {
		assertThatIllegalArgumentException().isThrownBy(() -> new RedirectDelivery(Duration.ZERO));
		assertThatIllegalArgumentException().isThrownBy(() -> new RedirectDelivery(Duration.ofDays(8)));
		assertThat(new RedirectDelivery(Duration.ofDays(7)).expiry()).isEqualTo(Duration.ofDays(7));
	}

	private String upload(byte[] bytes, String contentType) throws Exception {
		Blob blob = new Blob(bytes, contentType, Map.of());
		String uri = this.gcs.generateDestinationUri(blob);
		this.gcs.uploadSync(uri, blob);
		return uri.substring(uri.lastIndexOf('/') + 1);
	}

	private MockHttpServletResponse get(String method, String path) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest(method, path);
		request.setServletPath("/blob-viewer");
		request.setPathInfo(path.substring("/blob-viewer".length()));
		request.setRemoteAddr("127.0.0.1");
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.servlet.service(request, response);
		return response;
	}

	private static Map<String, String> query(URI uri) {
		Map<String, String> query = new LinkedHashMap<>();
		for (String pair : uri.getRawQuery().split("&")) {
			int equals = pair.indexOf('=');
			query.put(decode(pair.substring(0, equals)), decode(pair.substring(equals + 1)));
		}
		return query;
	}

	private static String decode(String value) {
		return URLDecoder.decode(value, StandardCharsets.UTF_8);
	}

	/**
	 * Checks the V4 signature with the service account's public key: the canonical
	 * request holds every query parameter but the signature.
	 */
	private static boolean signatureIsValid(URI url) throws Exception {
		Map<String, String> sorted = new TreeMap<>();
		String signature = null;
		for (String pair : url.getRawQuery().split("&")) {
			int equals = pair.indexOf('=');
			String key = pair.substring(0, equals);
			if (key.equals("X-Goog-Signature")) {
				signature = pair.substring(equals + 1);
			}
			else {
				sorted.put(key, pair.substring(equals + 1));
			}
		}
		StringBuilder canonicalQuery = new StringBuilder();
		sorted.forEach((key, value) -> canonicalQuery.append(canonicalQuery.isEmpty() ? "" : "&")
			.append(key)
			.append('=')
			.append(value));
		String canonicalRequest = "GET\n" + url.getRawPath() + "\n" + canonicalQuery + "\nhost:" + url.getHost()
				+ "\n\nhost\nUNSIGNED-PAYLOAD";
		Map<String, String> query = query(url);
		String credential = query.get("X-Goog-Credential");
		String scope = credential.substring(credential.indexOf('/') + 1);
		String stringToSign = "GOOG4-RSA-SHA256\n" + query.get("X-Goog-Date") + "\n" + scope + "\n" + HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
		Signature verifier = Signature.getInstance("SHA256withRSA");
		verifier.initVerify(ServiceAccountKeys.publicKey());
		verifier.update(stringToSign.getBytes(StandardCharsets.UTF_8));
		return verifier.verify(HexFormat.of().parseHex(signature));
	}

}
