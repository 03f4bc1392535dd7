package io.github.blobupload.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names an upload-attempt observation and its key values. Declare a bean of this type
 * (for example a subclass of {@link DefaultBlobUploadObservationConvention}) to rename
 * the observation or its keys.
 */
public interface BlobUploadObservationConvention extends ObservationConvention<BlobUploadObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof BlobUploadObservationContext;
	}

}
