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

package io.github.blobupload.observation;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * Documents the upload-attempt observation: its name and key names.
 */
public enum BlobUploadObservationDocumentation implements ObservationDocumentation {

	/**
	 * One attempt to write one blob to storage, on an upload worker. A blob that is
	 * retried has one observation per attempt; a blob refused, deduplicated or waiting in
	 * the queue has none.
	 */
	UPLOAD_ATTEMPT {

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultBlobUploadObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return LowCardinalityKeyNames.values();
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return HighCardinalityKeyNames.values();
		}

	};

	/** Keys with few values, recorded on spans and as meter tags. */
	public enum LowCardinalityKeyNames implements KeyName {

		/** The use case, such as {@code default} or {@code chat-input}. */
		USE_CASE {
			@Override
			public String asString() {
				return "blob.upload.use_case";
			}
		},

		/** The storage scheme: {@code file}, {@code s3}, {@code gs}, {@code azblob}. */
		SCHEME {
			@Override
			public String asString() {
				return "blob.upload.scheme";
			}
		},

		/**
		 * How the attempt ended: {@code success}, {@code error} or
		 * {@code permanent_error}.
		 */
		OUTCOME {
			@Override
			public String asString() {
				return "blob.upload.outcome";
			}
		}

	}

	/** Keys with many values, recorded on spans only. */
	public enum HighCardinalityKeyNames implements KeyName {

		/**
		 * The destination URI without query string: the URI recorded in place of the
		 * content, which ties this span to the span that recorded it.
		 */
		URI {
			@Override
			public String asString() {
				return "blob.upload.uri";
			}
		},

		/** The blob's size in bytes. */
		SIZE {
			@Override
			public String asString() {
				return "blob.upload.size";
			}
		},

		/** The blob's content type. */
		CONTENT_TYPE {
			@Override
			public String asString() {
				return "blob.upload.content_type";
			}
		}

	}

}
