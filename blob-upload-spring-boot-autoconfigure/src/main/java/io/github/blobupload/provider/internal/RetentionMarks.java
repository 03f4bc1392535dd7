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

package io.github.blobupload.provider.internal;

import io.github.blobupload.Blob;
import io.github.blobupload.BlobLabels;
import org.jspecify.annotations.Nullable;

/**
 * The retention mark every provider writes the same way: the object tag (S3) or blob
 * index tag (Azure) {@value #TAG_KEY} with the blob's retention class, such as
 * {@code 7d}, which the store's lifecycle rules match.
 */
public final class RetentionMarks {

	/** The tag key the lifecycle rules match. */
	public static final String TAG_KEY = "blob-retention";

	private RetentionMarks() {
	}

	/**
	 * Returns the blob's retention class, when it has a valid one.
	 * @param blob the blob
	 * @return the class, such as {@code 7d}, or {@code null}
	 */
	public static @Nullable String retentionClass(Blob blob) {
		String value = blob.labels().get(BlobLabels.RETENTION);
		return (value != null && value.matches("[1-9][0-9]{0,5}d")) ? value : null;
	}

	/**
	 * Returns the S3 tagging header value for the blob's retention class.
	 * @param blob the blob
	 * @return {@code blob-retention=7d}, or {@code null} when the blob has no class
	 */
	public static @Nullable String s3Tagging(Blob blob) {
		String retentionClass = retentionClass(blob);
		return (retentionClass != null) ? TAG_KEY + "=" + retentionClass : null;
	}

}
