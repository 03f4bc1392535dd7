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

package io.github.blobupload.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.util.Base64;

import com.google.auth.oauth2.ServiceAccountCredentials;

/**
 * A throwaway Google service-account key, generated for the test run: it signs like a
 * real one but is known to no server.
 */
public final class ServiceAccountKeys {

	/** The service account's e-mail. */
	public static final String CLIENT_EMAIL = "blob-uploader@test-project.iam.gserviceaccount.com";

	private static final KeyPair KEY_PAIR = generate();

	private ServiceAccountKeys() {
	}

	/**
	 * @return credentials holding the generated private key
	 */
	public static ServiceAccountCredentials credentials() {
		return ServiceAccountCredentials.newBuilder()
			.setClientEmail(CLIENT_EMAIL)
			.setClientId("1234567890")
			.setPrivateKey(KEY_PAIR.getPrivate())
			.setPrivateKeyId("test-key-1")
			.setProjectId("test-project")
			.build();
	}

	/**
	 * @return the public key matching {@link #credentials()}
	 */
	public static PublicKey publicKey() {
		return KEY_PAIR.getPublic();
	}

	/**
	 * Writes the key as a JSON key file, as the Google Cloud console hands it out.
	 * @param folder where to write it
	 * @return the file
	 * @throws IOException if it cannot be written
	 */
	public static Path writeKeyFile(Path folder) throws IOException {
		// In JSON, the PEM's line breaks are written as \n escapes.
		String pem = ("-----BEGIN PRIVATE KEY-----\n"
				+ Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
					.encodeToString(KEY_PAIR.getPrivate().getEncoded())
				+ "\n-----END PRIVATE KEY-----\n")
			.replace("\n", "\\n");
		String json = "{\"type\":\"service_account\",\"project_id\":\"test-project\",\"private_key_id\":\"test-key-1\","
				+ "\"private_key\":\"" + pem + "\",\"client_email\":\"" + CLIENT_EMAIL
				+ "\",\"client_id\":\"1234567890\"," + "\"token_uri\":\"https://oauth2.googleapis.com/token\"}";
		return Files.writeString(folder.resolve("service-account.json"), json);
	}

	private static KeyPair generate() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
