package io.github.blobupload.ai;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names an audio-model observation and its key values. Pass one (for example a subclass
 * of {@link DefaultAudioOffloadObservationConvention}) to
 * {@link OffloadingTextToSpeechModel#setObservationConvention} or
 * {@link OffloadingTranscriptionModel#setObservationConvention}, or register it as a
 * global convention, to rename the observation or its keys.
 */
public interface AudioOffloadObservationConvention extends ObservationConvention<AudioOffloadObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof AudioOffloadObservationContext;
	}

}
