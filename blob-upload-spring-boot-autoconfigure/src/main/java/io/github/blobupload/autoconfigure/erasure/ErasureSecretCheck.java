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

package io.github.blobupload.autoconfigure.erasure;

import io.github.blobupload.autoconfigure.ConfigurationCheck;
import io.github.blobupload.autoconfigure.ConfigurationReport;
import io.github.blobupload.autoconfigure.erasure.BlobUploadErasureProperties.OwnerStorage;
import io.github.blobupload.erasure.ReferenceKeys;

import org.springframework.boot.context.properties.bind.BindException;

/**
 * Checks {@code blob.upload.erasure.secret} before any bean is created, never showing its
 * value: a secret that is set must be at least {@value ReferenceKeys#MIN_SECRET_BYTES}
 * bytes; and with a {@link io.github.blobupload.erasure.BlobOwnerResolver} bean and
 * {@code owner-storage=keyed-hash} (the default), it must be set, or owners could only be
 * stored as plain hashes, which can be reversed by hashing candidate user ids.
 */
final class ErasureSecretCheck implements ConfigurationCheck {

	static final String SECRET = "blob.upload.erasure.secret";

	private final boolean ownersRecorded;

	/**
	 * Creates the check.
	 * @param ownersRecorded {@code true} to check that the secret is set when owners are
	 * keyed (with a resolver), {@code false} to check only the length of a secret that is
	 * set
	 */
	ErasureSecretCheck(boolean ownersRecorded) {
		this.ownersRecorded = ownersRecorded;
	}

	@Override
	public void check(ConfigurationReport report) {
		// Read alone, so that a value of another erasure property that cannot be bound is
		// reported once, by whoever binds it.
		String secret = report.binder().bind(SECRET, String.class).orElse(null);
		boolean set = secret != null && !secret.isEmpty();
		if (!this.ownersRecorded) {
			if (set) {
				checkLength(secret, report);
			}
			return;
		}
		if (!set && ownerStorage(report) == OwnerStorage.KEYED_HASH) {
			report.invalidSecret(SECRET, false, "A BlobOwnerResolver bean is declared and owners are stored as keyed "
					+ "hashes (blob.upload.erasure.owner-storage=keyed-hash, the default), which need a secret. "
					+ "Set blob.upload.erasure.secret to a random value of at least " + ReferenceKeys.MIN_SECRET_BYTES
					+ " bytes, the same on every instance sharing the storage, from the environment "
					+ "(BLOB_UPLOAD_ERASURE_SECRET) or a secret store; for example the output of "
					+ "'openssl rand -base64 48'. Or set blob.upload.erasure.owner-storage=plain to store owners "
					+ "as given, in clear.");
		}
	}

	private static OwnerStorage ownerStorage(ConfigurationReport report) {
		try {
			return report.binder()
				.bind("blob.upload.erasure.owner-storage", OwnerStorage.class)
				.orElseGet(() -> new BlobUploadErasureProperties().getOwnerStorage());
		}
		catch (BindException ex) {
			// Reported when the properties are bound; no second problem here.
			return OwnerStorage.PLAIN;
		}
	}

	private static void checkLength(String secret, ConfigurationReport report) {
		try {
			ReferenceKeys.keyed(secret);
		}
		catch (IllegalArgumentException ex) {
			// The message says how many bytes it has, never what they are.
			report.invalidSecret(SECRET, true, "It " + ex.getMessage() + ".");
		}
	}

}
