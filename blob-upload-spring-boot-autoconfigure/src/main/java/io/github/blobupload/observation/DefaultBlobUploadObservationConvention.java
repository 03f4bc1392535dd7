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

import io.github.blobupload.observation.BlobUploadObservationContext.Outcome;
import io.github.blobupload.observation.BlobUploadObservationDocumentation.HighCardinalityKeyNames;
import io.github.blobupload.observation.BlobUploadObservationDocumentation.LowCardinalityKeyNames;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;

/**
 * The default names: the observation {@value #DEFAULT_NAME}, a span named
 * {@code upload <scheme>}, and the keys of {@link BlobUploadObservationDocumentation}.
 * Override one method per key to change what it records.
 */
public class DefaultBlobUploadObservationConvention implements BlobUploadObservationConvention {

	/** The observation's name (and the name of the timer Micrometer derives from it). */
	public static final String DEFAULT_NAME = "blob.upload.attempt";

	@Override
	public String getName() {
		return DEFAULT_NAME;
	}

	@Override
	public String getContextualName(BlobUploadObservationContext context) {
		return "upload " + context.getScheme();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(BlobUploadObservationContext context) {
		return KeyValues.of(useCase(context), scheme(context), outcome(context));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(BlobUploadObservationContext context) {
		return KeyValues.of(uri(context), size(context), contentType(context));
	}

	/**
	 * Returns the use-case key value.
	 * @param context the context
	 * @return the key value
	 */
	protected KeyValue useCase(BlobUploadObservationContext context) {
		return KeyValue.of(LowCardinalityKeyNames.USE_CASE, context.getUseCase());
	}

	/**
	 * Returns the scheme key value.
	 * @param context the context
	 * @return the key value
	 */
	protected KeyValue scheme(BlobUploadObservationContext context) {
		return KeyValue.of(LowCardinalityKeyNames.SCHEME, context.getScheme());
	}

	/**
	 * Returns the outcome key value; {@code unknown} while the attempt runs.
	 * @param context the context
	 * @return the key value
	 */
	protected KeyValue outcome(BlobUploadObservationContext context) {
		Outcome outcome = context.getOutcome();
		return KeyValue.of(LowCardinalityKeyNames.OUTCOME, (outcome != null) ? outcome.value() : "unknown");
	}

	/**
	 * Returns the destination key value.
	 * @param context the context
	 * @return the key value
	 */
	protected KeyValue uri(BlobUploadObservationContext context) {
		return KeyValue.of(HighCardinalityKeyNames.URI, context.getDestination());
	}

	/**
	 * Returns the size key value.
	 * @param context the context
	 * @return the key value
	 */
	protected KeyValue size(BlobUploadObservationContext context) {
		return KeyValue.of(HighCardinalityKeyNames.SIZE, Integer.toString(context.getSize()));
	}

	/**
	 * Returns the content-type key value.
	 * @param context the context
	 * @return the key value
	 */
	protected KeyValue contentType(BlobUploadObservationContext context) {
		return KeyValue.of(HighCardinalityKeyNames.CONTENT_TYPE, context.getContentType());
	}

}
