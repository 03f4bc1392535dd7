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

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * An optional capability of a {@link BlobReader}: makes short-lived signed HTTPS GET URLs
 * for the objects it reads (S3 presigned GET, Google Cloud Storage V4 signed URL, Azure
 * service SAS), so that a browser can fetch the bytes from the store itself. Reached
 * through {@link BlobReader#urlSigner()}; a store that cannot sign (such as
 * {@code file:}) offers none.
 * <p>
 * Every URL carries response overrides, so that the store answers with the content type
 * and disposition the caller decided (S3 {@code response-content-type} and
 * {@code response-content-disposition}, the same query parameters in a GCS V4 signature,
 * Azure SAS {@code rsct} and {@code rscd}), whatever the object was stored with.
 * <p>
 * A signed URL is a secret until it expires: never log it. Signing is local (an HMAC or
 * RSA signature with credentials already held); the first call may obtain the client or
 * the credentials.
 */
public interface BlobUrlSigner {

	/**
	 * Signs a GET URL for an object, valid for the given time, with response overrides.
	 * @param uri the object's storage URI, under the reader's
	 * {@link BlobReader#uriPrefix() prefix}
	 * @param expiry how long the URL is valid, positive and at most 7 days
	 * @param contentType the {@code Content-Type} the store must answer with
	 * @param contentDisposition the {@code Content-Disposition} the store must answer
	 * with, such as {@code attachment; filename="x.svg"}
	 * @return the URL, or empty if the URI is not an object under the reader's prefix
	 * @throws IOException if the URL cannot be signed (no client, credentials that cannot
	 * sign locally); the message never holds a credential
	 */
	Optional<URI> signedGet(String uri, Duration expiry, String contentType, String contentDisposition)
			throws IOException;

	/**
	 * Returns the origin the signed URLs point at ({@code scheme://host[:port]}), for a
	 * page's Content-Security-Policy.
	 * @return the origin, such as {@code https://my-bucket.s3.eu-west-1.amazonaws.com}
	 * @throws IOException if it cannot be known yet (no client)
	 */
	String origin() throws IOException;

}
