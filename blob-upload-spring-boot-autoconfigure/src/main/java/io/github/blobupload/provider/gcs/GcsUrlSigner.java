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

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import com.google.auth.Credentials;
import com.google.auth.ServiceAccountSigner;
import com.google.auth.oauth2.ServiceAccountCredentials;
import com.google.cloud.NoCredentials;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageOptions;
import org.jspecify.annotations.Nullable;

/**
 * Makes V4 signed GET URLs
 * ({@code https://storage.googleapis.com/BUCKET/OBJECT?X-Goog-...}) offline, with the
 * private key of a service account: no request is sent, so it can run on the caller's
 * thread.
 * <p>
 * A URL is reused for the same object while at least half of its validity remains. This
 * keeps the upload engine's deduplication working (it recognises a destination by its
 * URI, and a fresh signature differs every second) and saves an RSA signature per call;
 * so a recorded URL stays valid for at least half the configured expiry.
 */
public final class GcsUrlSigner {

	/** The longest validity of a V4 signed URL. */
	public static final Duration MAX_EXPIRY = Duration.ofDays(7);

	private static final int MAX_CACHED = 10_000;

	private final ServiceAccountSigner signer;

	private final Duration expiry;

	private final Clock clock;

	private final Storage offlineStorage;

	private final ConcurrentHashMap<String, Signed> recent = new ConcurrentHashMap<>();

	/**
	 * Creates a signer.
	 * @param signer credentials that sign locally, such as
	 * {@link ServiceAccountCredentials} from a key file
	 * @param expiry how long a URL is valid, positive and at most {@link #MAX_EXPIRY}
	 */
	public GcsUrlSigner(ServiceAccountSigner signer, Duration expiry) {
		this(signer, expiry, Clock.systemUTC());
	}

	GcsUrlSigner(ServiceAccountSigner signer, Duration expiry, Clock clock) {
		this.signer = Objects.requireNonNull(signer, "signer must not be null");
		this.expiry = checkExpiry(expiry);
		this.clock = clock;
		// Only used to compute signatures, which needs no request and no credentials of
		// its own.
		this.offlineStorage = StorageOptions.newBuilder()
			.setProjectId("blob-upload-url-signer")
			.setCredentials(NoCredentials.getInstance())
			.build()
			.getService();
	}

	/**
	 * Returns a signer for the given credentials, if they can sign offline.
	 * @param credentials the credentials
	 * @param expiry how long a URL is valid
	 * @param source where the credentials come from, for the error message
	 * @return the signer
	 * @throws IllegalArgumentException if the credentials hold no private key (user
	 * credentials, Compute Engine or impersonated credentials sign through a remote call,
	 * which must not happen on the caller's thread), or if the expiry is out of range
	 */
	public static GcsUrlSigner of(@Nullable Credentials credentials, Duration expiry, String source) {
		if (credentials instanceof ServiceAccountCredentials serviceAccount && serviceAccount.getPrivateKey() != null) {
			return new GcsUrlSigner(serviceAccount, expiry);
		}
		String kind = (credentials != null) ? credentials.getClass().getSimpleName() : "no credentials";
		throw new IllegalArgumentException("the Google credentials from " + source + " (" + kind
				+ ") cannot sign URLs offline: only the private key of a service-account key file signs without a "
				+ "remote call.");
	}

	/**
	 * Checks that a duration can be the validity of a V4 signed URL.
	 * @param expiry the duration
	 * @return the duration
	 * @throws IllegalArgumentException if it is not positive or longer than
	 * {@link #MAX_EXPIRY}
	 */
	public static Duration checkExpiry(@Nullable Duration expiry) {
		if (expiry == null || expiry.isNegative() || expiry.isZero() || expiry.compareTo(MAX_EXPIRY) > 0) {
			throw new IllegalArgumentException("expiry must be positive and at most " + MAX_EXPIRY.toDays()
					+ " days (the longest a Google Cloud Storage V4 signed URL is valid) but was " + expiry);
		}
		return expiry;
	}

	/**
	 * Returns a signed GET URL for an object, reusing a recent one for the same object.
	 * @param bucket the bucket
	 * @param objectName the object name, made of safe characters
	 * @return the URL
	 */
	public String sign(String bucket, String objectName) {
		String key = bucket + '/' + objectName;
		Instant now = this.clock.instant();
		Signed signed = this.recent.get(key);
		if (signed != null && now.isBefore(signed.reuseUntil())) {
			return signed.url();
		}
		String url = this.offlineStorage
			.signUrl(BlobInfo.newBuilder(bucket, objectName).build(), this.expiry.toSeconds(), TimeUnit.SECONDS,
					Storage.SignUrlOption.withV4Signature(), Storage.SignUrlOption.withPathStyle(),
					Storage.SignUrlOption.signWith(this.signer))
			.toString();
		if (this.recent.size() >= MAX_CACHED) {
			this.recent.clear();
		}
		this.recent.put(key, new Signed(url, now.plus(this.expiry.dividedBy(2))));
		return url;
	}

	/**
	 * Forgets the URLs reused for the given objects, so that the next URL for any of them
	 * is signed anew: what to call once those objects were deleted, so that the same
	 * content uploaded again is not taken for the one already stored.
	 * @param uris the objects, as their signed URLs or as {@code gs://bucket/object} URIs
	 */
	public void forget(Collection<String> uris) {
		Set<String> forgotten = new HashSet<>(uris);
		this.recent.entrySet()
			.removeIf((entry) -> forgotten.contains(entry.getValue().url())
					|| forgotten.contains(GcsBlobStorageProvider.SCHEME + "://" + entry.getKey()));
	}

	/**
	 * Returns a fresh signed GET URL for an object, with query parameters inside the
	 * signature (such as {@code response-content-type} and
	 * {@code response-content-disposition}, which the store then answers with). Not
	 * reused: each call signs.
	 * @param bucket the bucket
	 * @param objectName the object name, made of safe characters
	 * @param expiry how long the URL is valid, positive and at most {@link #MAX_EXPIRY}
	 * @param queryParameters the signed query parameters
	 * @return the URL
	 */
	public String sign(String bucket, String objectName, Duration expiry, Map<String, String> queryParameters) {
		return this.offlineStorage
			.signUrl(BlobInfo.newBuilder(bucket, objectName).build(), checkExpiry(expiry).toSeconds(), TimeUnit.SECONDS,
					Storage.SignUrlOption.withV4Signature(), Storage.SignUrlOption.withPathStyle(),
					Storage.SignUrlOption.withQueryParams(queryParameters), Storage.SignUrlOption.signWith(this.signer))
			.toString();
	}

	/**
	 * Returns how long a URL is valid.
	 * @return the expiry
	 */
	public Duration expiry() {
		return this.expiry;
	}

	private record Signed(String url, Instant reuseUntil) {
	}

}
