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

package io.github.blobupload.autoconfigure.viewer;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the media viewer ({@code blob.upload.viewer.*}).
 */
@ConfigurationProperties("blob.upload.viewer")
public class BlobUploadViewerProperties {

	/**
	 * Whether to serve the media viewer (servlet web applications): stable links to the
	 * stored blobs, a page per blob and a page per trace. Off by default because it
	 * serves user content.
	 */
	private boolean enabled = false;

	/**
	 * Path of the viewer in the application, such as /blob-viewer.
	 */
	private String path = "/blob-viewer";

	/**
	 * Externally reachable address of the viewer, such as
	 * https://ops.example.com/blob-viewer, used to build the links of the BlobLinks bean
	 * and, with record-links, the links recorded on spans.
	 */
	private @Nullable String baseUrl;

	/**
	 * Whether the viewer answers every request that reaches it, leaving access to the
	 * application's own security. By default it answers only requests whose connection
	 * comes from this machine and, with Spring Security, authenticated requests.
	 */
	private boolean allowRemote = false;

	/**
	 * Whether the Spring AI integration records the viewer links on spans (the uri parts
	 * of gen_ai.*.messages and the OpenInference image and audio URLs) instead of the
	 * storage URIs. Needs base-url.
	 */
	private boolean recordLinks = false;

	/**
	 * Most requests reading one destination at once (raw bytes and blob pages; a trace
	 * page takes one of each destination). Beyond it the viewer answers 503 with
	 * Retry-After at once. Keep it, times the destinations sharing a storage client, well
	 * below that client's connection pool (50 for the AWS SDK's default), so that readers
	 * never take the connections uploads need.
	 */
	private int maxConcurrentReads = 8;

	/**
	 * How a request for an object's bytes is answered: stream (through the application)
	 * or redirect (to a short-lived signed GET URL of the store, after the same access
	 * checks; S3, Google Cloud Storage and Azure only, file: keeps streaming).
	 */
	private Delivery delivery = Delivery.STREAM;

	/**
	 * How long the signed URL of a redirect stays valid; at most 7 days.
	 */
	private Duration redirectExpiry = Duration.ofMinutes(5);

	private final Index index = new Index();

	public Delivery getDelivery() {
		return this.delivery;
	}

	public void setDelivery(Delivery delivery) {
		this.delivery = delivery;
	}

	public Duration getRedirectExpiry() {
		return this.redirectExpiry;
	}

	public void setRedirectExpiry(Duration redirectExpiry) {
		this.redirectExpiry = redirectExpiry;
	}

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getPath() {
		return this.path;
	}

	public void setPath(String path) {
		this.path = path;
	}

	public @Nullable String getBaseUrl() {
		return this.baseUrl;
	}

	public void setBaseUrl(@Nullable String baseUrl) {
		this.baseUrl = baseUrl;
	}

	public boolean isAllowRemote() {
		return this.allowRemote;
	}

	public void setAllowRemote(boolean allowRemote) {
		this.allowRemote = allowRemote;
	}

	public boolean isRecordLinks() {
		return this.recordLinks;
	}

	public void setRecordLinks(boolean recordLinks) {
		this.recordLinks = recordLinks;
	}

	public int getMaxConcurrentReads() {
		return this.maxConcurrentReads;
	}

	public void setMaxConcurrentReads(int maxConcurrentReads) {
		this.maxConcurrentReads = maxConcurrentReads;
	}

	public Index getIndex() {
		return this.index;
	}

	/**
	 * The trace index, kept in storage next to the blobs, from which the viewer lists the
	 * media of a trace.
	 */
	public static class Index {

		/**
		 * Whether to keep the trace index: a small entry object (no content) per blob of
		 * a traced span, written next to the blobs under <prefix>/_index/<trace id>/,
		 * from which the trace pages list the media of a trace, on every instance of the
		 * application.
		 */
		private boolean enabled = true;

		/**
		 * Most index entries (one per blob, no content, 1-2 KB of heap each as written)
		 * kept in memory by the trace pages; the cache also holds no more than 3 KB of
		 * heap per entry on average, so large entries take several places. 0 reads them
		 * from storage each time.
		 */
		private int cacheSize = 10000;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public int getCacheSize() {
			return this.cacheSize;
		}

		public void setCacheSize(int cacheSize) {
			this.cacheSize = cacheSize;
		}

	}

	/**
	 * How the viewer answers a request for an object's bytes.
	 */
	public enum Delivery {

		/**
		 * The application reads the object and streams its bytes.
		 */
		STREAM,

		/**
		 * The application redirects to a short-lived signed GET URL of the store, where
		 * the store can sign; other stores stream.
		 */
		REDIRECT

	}

}
