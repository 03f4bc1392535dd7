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

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of erasure ({@code blob.upload.erasure.*}).
 */
@ConfigurationProperties("blob.upload.erasure")
public class BlobUploadErasureProperties {

	/**
	 * Whether erasure is on: a reference index is written next to the blobs of each
	 * destination (which conversations, traces and owners reference each object), and
	 * content can be erased by conversation, trace or owner through the BlobErasure bean
	 * and the blobErasure actuator endpoint. Off by default: the index costs requests on
	 * every traced blob.
	 */
	private boolean enabled = false;

	/**
	 * How recently an object may have been written or referenced and still be erased: an
	 * object referenced within this window is kept whole (reported kept: recent), so that
	 * a call racing the erasure never records a URI to nothing. With erasure on, the
	 * memos of stored content forget entries after half this window.
	 */
	private Duration gracePeriod = Duration.ofMinutes(15);

	/**
	 * How owners are stored in the owner label and the reference index: keyed-hash
	 * (HMAC-SHA-256 under secret, so that object metadata carries no user id in clear) or
	 * plain (as the BlobOwnerResolver returns them).
	 */
	private OwnerStorage ownerStorage = OwnerStorage.KEYED_HASH;

	/**
	 * Secret keying the hashes of owners and conversation ids, at least 32 bytes, the
	 * same on every instance sharing the storage. Required with a BlobOwnerResolver bean
	 * and owner-storage=keyed-hash. Never logged; set it from the environment
	 * (BLOB_UPLOAD_ERASURE_SECRET) or a secret store.
	 */
	private @Nullable String secret;

	/**
	 * Most references one erasure handles; an erasure cut at this bound says so in its
	 * receipt, and running it again goes on.
	 */
	private int maxReferences = 10_000;

	/**
	 * Returns whether erasure is on.
	 * @return whether erasure is on
	 */
	public boolean isEnabled() {
		return this.enabled;
	}

	/**
	 * Sets whether erasure is on.
	 * @param enabled whether erasure is on
	 */
	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	/**
	 * Returns the grace window.
	 * @return the grace window
	 */
	public Duration getGracePeriod() {
		return this.gracePeriod;
	}

	/**
	 * Sets the grace window.
	 * @param gracePeriod the grace window
	 */
	public void setGracePeriod(Duration gracePeriod) {
		this.gracePeriod = gracePeriod;
	}

	/**
	 * Returns how owners are stored.
	 * @return how owners are stored
	 */
	public OwnerStorage getOwnerStorage() {
		return this.ownerStorage;
	}

	/**
	 * Sets how owners are stored.
	 * @param ownerStorage how owners are stored
	 */
	public void setOwnerStorage(OwnerStorage ownerStorage) {
		this.ownerStorage = ownerStorage;
	}

	/**
	 * Returns the secret keying the hashes.
	 * @return the secret, or {@code null}
	 */
	public @Nullable String getSecret() {
		return this.secret;
	}

	/**
	 * Sets the secret keying the hashes.
	 * @param secret the secret
	 */
	public void setSecret(@Nullable String secret) {
		this.secret = secret;
	}

	/**
	 * Returns the most references one erasure handles.
	 * @return the bound
	 */
	public int getMaxReferences() {
		return this.maxReferences;
	}

	/**
	 * Sets the most references one erasure handles.
	 * @param maxReferences the bound
	 */
	public void setMaxReferences(int maxReferences) {
		this.maxReferences = maxReferences;
	}

	/** Never shows the secret. */
	@Override
	public String toString() {
		return "BlobUploadErasureProperties[enabled=" + this.enabled + ", gracePeriod=" + this.gracePeriod
				+ ", ownerStorage=" + this.ownerStorage + ", secret=" + ((this.secret != null) ? "(set)" : "(unset)")
				+ ", maxReferences=" + this.maxReferences + "]";
	}

	/** How owners are stored. */
	public enum OwnerStorage {

		/** HMAC-SHA-256 under the secret: no user id in clear in the store. */
		KEYED_HASH,

		/** As the resolver returns them. */
		PLAIN

	}

}
