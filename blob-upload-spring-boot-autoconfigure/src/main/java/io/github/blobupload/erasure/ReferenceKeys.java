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

package io.github.blobupload.erasure;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * Turns owners and conversation ids into the keys the reference index and the
 * {@value BlobOwnerResolver#OWNER_LABEL} label hold: HMAC-SHA-256 under a secret key when
 * one is configured (so that a stored key cannot be traced back to a user id by trying
 * candidates), a plain SHA-256 otherwise; 32 lower-case hex digits either way, safe in
 * object keys. Every instance sharing a store must use the same secret.
 */
public final class ReferenceKeys {

	/** The fewest bytes a secret may have. */
	public static final int MIN_SECRET_BYTES = 32;

	private static final HexFormat HEX = HexFormat.of();

	private final byte @Nullable [] secret;

	/**
	 * An initialised MAC, cloned for each key (cloning skips the provider lookup and the
	 * key schedule, about a microsecond).
	 */
	private final @Nullable Mac prototype;

	private ReferenceKeys(byte @Nullable [] secret) {
		this.secret = secret;
		this.prototype = (secret != null) ? newMac(secret) : null;
	}

	private static @Nullable Mac newMac(byte[] secret) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret, "HmacSHA256"));
			mac.clone();
			return mac;
		}
		catch (GeneralSecurityException | CloneNotSupportedException ex) {
			// A provider whose MAC cannot be cloned: one instance per key.
			return null;
		}
	}

	/**
	 * Keys under a secret.
	 * @param secret the secret, at least {@value #MIN_SECRET_BYTES} bytes in UTF-8
	 * @return the keys
	 * @throws IllegalArgumentException if the secret is shorter (the message never shows
	 * it)
	 */
	public static ReferenceKeys keyed(String secret) {
		byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
		if (bytes.length < MIN_SECRET_BYTES) {
			throw new IllegalArgumentException("must be at least " + MIN_SECRET_BYTES + " bytes (it has " + bytes.length
					+ "); use a random secret, the same on every instance");
		}
		return new ReferenceKeys(bytes);
	}

	/**
	 * Keys with a plain SHA-256, for a deployment that set no secret: fine for
	 * conversation ids that are random, weak for user ids, which can be guessed and
	 * hashed.
	 * @return the keys
	 */
	public static ReferenceKeys unkeyed() {
		return new ReferenceKeys(null);
	}

	/**
	 * Returns whether a secret keys the hashes.
	 * @return whether the hashes are HMACs
	 */
	public boolean isKeyed() {
		return this.secret != null;
	}

	/**
	 * Returns the key of a value.
	 * @param value an owner or a conversation id
	 * @return 32 lower-case hex digits
	 */
	public String keyOf(String value) {
		byte[] input = value.getBytes(StandardCharsets.UTF_8);
		try {
			byte[] digest;
			if (this.secret != null) {
				digest = mac(this.secret).doFinal(input);
			}
			else {
				digest = MessageDigest.getInstance("SHA-256").digest(input);
			}
			return HEX.formatHex(digest, 0, 16);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA-256 and SHA-256 are required of every JDK", ex);
		}
	}

	private Mac mac(byte[] secret) throws GeneralSecurityException {
		if (this.prototype != null) {
			try {
				return (Mac) this.prototype.clone();
			}
			catch (CloneNotSupportedException ex) {
				// Checked when the prototype was made; fall through.
			}
		}
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(secret, "HmacSHA256"));
		return mac;
	}

	/** Never shows the secret. */
	@Override
	public String toString() {
		return isKeyed() ? "ReferenceKeys[HMAC-SHA-256]" : "ReferenceKeys[SHA-256]";
	}

}
